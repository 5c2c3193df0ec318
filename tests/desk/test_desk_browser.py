"""A browser walks the desk: headless Chromium (Debian's, through its chromedriver) signs in as
a department, hands a workbook in, downloads it marked; a reviewer sends it back with a note;
the department hands in its next version; the reviewer accepts it and compares the versions."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.desk.conftest import account, department
from tests.desk.workbooks import DEPARTMENT, later_version

pytestmark = pytest.mark.usefixtures("desk")

_WAIT = 60.0


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The desk served on a free port of localhost by a thread, as ``banzhang desk`` serves it."""
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            return

    httpd = ThreadedWSGIServer(("127.0.0.1", 0), Quiet, allow_reuse_address=False)
    httpd.set_app(get_wsgi_application())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[WebDriver]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium, "apt-get install chromium (make test does)"
    assert driver, "apt-get install chromium-driver (make test does)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(argument)
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    options.add_experimental_option("prefs", prefs)
    chrome = webdriver.Chrome(options=options, service=Service(driver))
    yield chrome
    chrome.quit()


def _until(condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + _WAIT
    while time.monotonic() < deadline:
        try:
            found = condition()
        except (StaleElementReferenceException, WebDriverException):
            found = None  # the page refreshed under us: look again
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"等待超时：{what}")


def _sign_in(browser: WebDriver, site: str, user: Any) -> None:
    browser.delete_all_cookies()
    browser.get(f"{site}/login/")
    browser.find_element(By.ID, "id_username").send_keys(user.username)
    browser.find_element(By.ID, "id_password").send_keys("pw-Desk-2026")
    browser.find_element(By.ID, "login").click()
    _until(lambda: browser.find_element(By.CSS_SELECTOR, "header nav"), "登录后的导航")


def _hand_in(browser: WebDriver, site: str, path: Path) -> str:
    """Hand ``path`` in; the submission's page once its check is done."""
    browser.get(f"{site}/submissions/")
    browser.find_element(By.ID, "hand-in").click()
    browser.find_element(By.ID, "files").send_keys(str(path))
    browser.find_element(By.ID, "send").click()
    _until(lambda: browser.find_element(By.ID, "state").text == "待审", "校验完成（待审）")
    return str(browser.current_url)


def _decide(browser: WebDriver, decision: str, note: str = "") -> None:
    browser.find_element(By.ID, f"decision-{decision}").click()
    browser.find_element(By.ID, "note").send_keys(note)
    browser.find_element(By.ID, "decide").click()


def _state_is(browser: WebDriver, state: str) -> bool:
    """Whether the page (once it has loaded: a decision redirects) shows ``state``."""
    return bool(_until(lambda: browser.find_element(By.ID, "state").text == state, state))


def test_hand_in_return_resubmit_download_and_adjust(
    browser: WebDriver, site: str, downloads: Path, tmp_path: Path
) -> None:
    owner = department()
    clerk = account("department", department=owner)
    reviewer = account("reviewer", region=owner.region)

    _sign_in(browser, site, clerk)
    first = _hand_in(browser, site, DEPARTMENT)
    page = browser.page_source
    assert "必填要素缺失或为空（structure.required）× 1" in page
    assert "Sheet1!B7" in page

    browser.find_element(By.ID, "download-marked").click()
    marked = _until(lambda: next(downloads.glob("*.xlsx"), None), "下载标注的工作簿")
    _until(lambda: not list(downloads.glob("*.crdownload")), "下载完成")
    book = load_workbook(marked)
    assert "基本编码" in book["Sheet1"]["B7"].comment.text
    assert "问题清单" in book.sheetnames
    book.close()

    _sign_in(browser, site, reviewer)
    browser.get(first)
    _decide(browser, "returned", "请补写生效日期，并把编码列设为文本")
    assert _state_is(browser, "退回")

    _sign_in(browser, site, clerk)
    browser.get(first)
    assert _state_is(browser, "退回")
    assert "请补写生效日期，并把编码列设为文本" in browser.page_source
    second = _hand_in(browser, site, later_version(tmp_path / "权责清单第二版.xlsx"))

    _sign_in(browser, site, reviewer)
    browser.get(second)
    _decide(browser, "accepted")
    assert _state_is(browser, "通过")
    _until(lambda: browser.find_element(By.ID, "compare"), "动态调整的比较按钮").click()
    counts = _until(lambda: browser.find_element(By.ID, "adjust-counts").text, "动态调整的结果")
    assert "取消 1" in counts
    # 变更 2: the renamed item, and the 备注 whose formula openpyxl saved without its value.
    assert "变更 2" in counts
    changes = browser.find_element(By.ID, "adjust-changes").text
    assert "事项名称：食品生产许可 → 食品生产许可证核发" in changes
    assert "000617018000" in changes

    browser.find_element(By.CSS_SELECTOR, "header form button").click()  # 退出
    _until(lambda: "/login/" in browser.current_url, "退出后回到登录页")
