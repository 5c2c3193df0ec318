"""Why an OS or library call failed, said in Chinese: what happened, then what to do.

The operating system and the libraries banzhang reads through (zipfile, zlib, json, lxml,
calamine, openpyxl, python-docx) explain a failure in English — ``No such file or
directory``, ``File is not a zip file``, ``CalamineError: Cannot detect file format`` — and a
clerk reads neither the words nor the class name. Every message that would show one says
:func:`reason` instead; the caller puts the file's real name in front.

>>> reason(FileNotFoundError(2, "No such file or directory"))
'文件不存在，请检查文件名和所在的目录'
>>> reason(PermissionError(13, "Permission denied"), writing=True)
'没有写权限，请换一个有写权限的目录'
>>> import zipfile
>>> reason(zipfile.BadZipFile("File is not a zip file")).partition("；")[0]
'它不是 zip 压缩包（.xlsx、.docx、.ods 都是），可能已损坏，或只是改了扩展名'
"""

from __future__ import annotations

import errno
import json
import re
import zipfile
import zlib

from banzhang.errors import BanzhangError

__all__ = ["json_reason", "os_reason", "reason", "text_reason", "zip_reason"]

#: What to do is the same reading or writing for these.
_EITHER = {
    errno.ENOTDIR: "路径中有一段不是目录，请检查路径",
    errno.ENOSPC: "磁盘空间不足，请清理磁盘或换一个位置后再试",
    errno.EDQUOT: "磁盘配额已用完，请清理文件或请管理员增加配额",
    errno.EROFS: "文件系统只读，请换一个可写的位置",
    errno.ENAMETOOLONG: "文件名或路径太长，请改短后再试",
    errno.ELOOP: "路径中的符号链接绕成了圈，请检查链接",
    errno.EIO: "磁盘读写出错，请检查磁盘或网络盘，或把文件复制到本地后再试",
    errno.EMFILE: "同时打开的文件太多，请关闭其他程序后再试",
    errno.ENFILE: "同时打开的文件太多，请关闭其他程序后再试",
    errno.EBUSY: "文件正被其他程序使用，请关闭那个程序后再试",
    errno.ETXTBSY: "文件正被其他程序使用，请关闭那个程序后再试",
    errno.EAGAIN: "文件暂时不可用，请稍后再试",
    errno.EINVAL: "文件名不合法，请改名后再试",
    errno.EFBIG: "文件超过了文件系统允许的大小，请换一个位置",
    errno.ENXIO: "这不是普通文件（是设备），请指明一个文件",
    errno.ENODEV: "这不是普通文件（是设备），请指明一个文件",
    errno.ETIMEDOUT: "网络盘没有响应，请检查网络，或把文件复制到本地后再试",
    errno.ESTALE: "网络盘上的文件已失效，请重新挂载，或把文件复制到本地后再试",
}
_READING = {
    errno.ENOENT: "文件不存在，请检查文件名和所在的目录",
    errno.EACCES: "没有读取权限，请让管理员开放权限，或把文件复制到自己的目录再试",
    errno.EPERM: "没有读取权限，请让管理员开放权限，或把文件复制到自己的目录再试",
    errno.EISDIR: "这是一个目录，不是文件，请指明目录中的文件",
}
_WRITING = {
    errno.ENOENT: "所在的目录不存在，请先建好目录，或换一个位置",
    errno.EACCES: "没有写权限，请换一个有写权限的目录",
    errno.EPERM: "没有写权限，请换一个有写权限的目录",
    errno.EISDIR: "这是一个目录，请换一个文件名",
    errno.EEXIST: "同名的文件已存在，请换一个名字",
}
_BROKEN = "文件已损坏，或不是这种格式的文件，请用原来的程序打开后另存一份再试"
_BAD_ZIP = (
    "它不是 zip 压缩包（.xlsx、.docx、.ods 都是），可能已损坏，或只是改了扩展名；"
    "请用原来的程序打开后另存"
)
_ZIP_DATA = "压缩数据已损坏（文件不完整或传输出错），请重新取得文件，或用原来的程序另存"
#: calamine's reasons (its error text, by a word in it), then what python-docx and openpyxl say.
_LIBRARY = (
    # First: python-docx names the file, whose name may hold any word below ("notzip.docx").
    ("package not found", "文件不存在或不是 zip 压缩包，请检查文件名，旧的 .doc 请先另存为 .docx"),
    (
        "cannot detect file format",
        "无法识别文件格式，它不是 Excel、WPS 或 LibreOffice 保存的工作簿",
    ),
    ("password", "文件设了打开密码，请去掉密码后另存再试"),
    ("encrypt", "文件设了打开密码，请去掉密码后另存再试"),
    ("not a zip", _BAD_ZIP),
    ("zip", _ZIP_DATA),
    ("there is no item named", "压缩包里缺少必需的部件，文件不完整，请用原来的程序另存"),
    ("xml", "文件内部的 XML 已损坏，请用原来的程序打开后另存一份再试"),
    ("syntax error", "文件内部的 XML 已损坏，请用原来的程序打开后另存一份再试"),
    ("panic", "表格读取程序无法解析其中的一条记录，文件已损坏或是构造的"),
    ("eof", "文件不完整（在结尾之前断了），请重新取得文件"),
    ("end of", "文件不完整（在结尾之前断了），请重新取得文件"),
)
_JSON = (
    ("Expecting property name", "此处应是用英文双引号括起的键名"),
    ("Expecting value", "此处应有一个值"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Unterminated string", "字符串缺少结尾的双引号"),
    ("Invalid control character", "字符串中有控制字符（如未转义的换行或制表符）"),
    ("Invalid \\uXXXX escape", "“\\u”后应是四位十六进制数"),
    ("Invalid \\escape", "反斜杠转义无效（路径中的 \\ 应写成 \\\\）"),
    ("Extra data", "一个值结束后还有多余的内容"),
)
#: libxml2's and expat's reasons, by their opening words.
_XML = (
    ("Opening and ending tag mismatch", "开始标签和结束标签不配对"),
    ("mismatched tag", "开始标签和结束标签不配对"),
    ("Premature end of data", "文件在标签结束之前断了"),
    ("no element found", "文件在标签结束之前断了"),
    ("unclosed token", "文件在标签结束之前断了"),
    ("Document is empty", "文件是空的"),
    ("Start tag expected", "开头应是一个标签"),
    ("syntax error", "开头应是一个标签"),
    ("Extra content at the end", "根元素结束后还有多余的内容"),
    ("junk after document element", "根元素结束后还有多余的内容"),
    ("Input is not proper UTF-8", "含有不是 UTF-8 的字节（请声明 encoding 或另存为 UTF-8）"),
    ("not well-formed", "含有不合 XML 规则的字符（如未转义的 & 或 <）"),
    ("EntityRef", "“&”后应是实体名和分号（文字中的 & 请写成 &amp;）"),
    ("invalid element name", "标签名不合法"),
    ("attributes construct error", "属性写法有误"),
    ("AttValue", "属性值应以引号括起"),
    ("Char 0x", "含有 XML 不能容纳的控制字符"),
    ("undefined entity", "用了未定义的实体"),
)


def os_reason(err: OSError, *, writing: bool = False) -> str:
    """What the OS error ``err`` means for the file and what to do, in Chinese."""
    code = err.errno or 0
    found = (_WRITING if writing else _READING).get(code) or _EITHER.get(code)
    if found:
        return found
    if isinstance(err, TimeoutError):
        return _EITHER[errno.ETIMEDOUT]
    action = "写出" if writing else "读取"
    return f"{action}时系统报错（错误号 {code}），请检查文件、磁盘和权限后再试"


def json_reason(message: str) -> str:
    """The Chinese for the reason ``json`` gives (``JSONDecodeError.msg``)."""
    return next((said for start, said in _JSON if message.startswith(start)), "JSON 格式有误")


def text_reason(said: str) -> str:
    """The Chinese for a library's reason known only as text (a child process's, calamine's)."""
    lowered = said.lower()
    return next((ours for word, ours in _LIBRARY if word in lowered), _BROKEN)


def _xml_reason(err: SyntaxError) -> str:
    said = str(getattr(err, "msg", "") or err)
    what = next((ours for start, ours in _XML if start in said), "XML 格式有误")
    position = getattr(err, "position", None)  # (line, column) in lxml and ElementTree
    line, column = position if isinstance(position, tuple) else (err.lineno, None)
    if line and column:
        return f"第 {line} 行第 {column} 列，{what}"
    return f"第 {line} 行，{what}" if line else what


#: The name of the member a zip error is about (``Bad CRC-32 for file 'word/document.xml'``).
_MEMBER = re.compile(r"'([^']+)'")


def zip_reason(err: BaseException) -> str:
    """What an error met reading the members of a zip package (.xlsx, .docx, .ods) means.

    >>> zip_reason(zipfile.BadZipFile("Bad CRC-32 for file 'word/document.xml'"))
    '部件 word/document.xml 的校验值不符（文件不完整或传输出错），请重新取得文件'
    """
    said = str(err)
    if isinstance(err, BanzhangError | OSError) or "not a zip" in said:
        return reason(err)
    if isinstance(err, UnicodeError):
        return "压缩包中有部件的名称不是它声明的 UTF-8 编码，文件已损坏或是构造的"
    member = _MEMBER.search(said)
    if "CRC" in said and member:
        return f"部件 {member[1]} 的校验值不符（文件不完整或传输出错），请重新取得文件"
    return reason(err)


def reason(err: BaseException, *, writing: bool = False) -> str:  # noqa: PLR0911 - one per family
    """What ``err`` (an OS or library error met reading or writing a file) means, in Chinese.

    Never the library's English nor its class name: an error not known here is said to be a
    broken file, which is what every library error met reading a file comes to. Our own
    errors (a refusal raised inside a library's callback) say what they say.
    """
    if isinstance(err, BanzhangError):
        return str(err)
    if isinstance(err, json.JSONDecodeError):
        return f"第 {err.lineno} 行第 {err.colno} 列，{json_reason(err.msg)}"
    if isinstance(err, OSError):
        return os_reason(err, writing=writing)
    if isinstance(err, zipfile.BadZipFile):
        return _BAD_ZIP if "not a zip" in str(err) else _ZIP_DATA
    if isinstance(err, zlib.error | EOFError):
        return _ZIP_DATA
    if isinstance(err, UnicodeError):
        return "含有无法按 UTF-8 解读的字节，请另存为 UTF-8 编码"
    if isinstance(err, SyntaxError):  # lxml's XMLSyntaxError and ElementTree's ParseError
        return _xml_reason(err)
    if isinstance(err, MemoryError):
        return "文件太大，内存不足以读取，请拆成几个文件再试"
    if isinstance(err, ValueError) and "null" in str(err):
        return "文件名中含有空字符，请改名后再试"
    if isinstance(err, NotImplementedError):
        return "使用了不支持的压缩方式，请用 Excel、WPS 或 Word 另存一份再试"
    return text_reason(str(err) or type(err).__name__)
