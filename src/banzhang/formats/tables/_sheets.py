"""Names of the sheets and headers banzhang adds to every workbook it writes."""

from __future__ import annotations

__all__ = ["ANNOTATION_SHEET", "CODELIST_SHEET", "FORM_HEADERS", "GUIDE_SHEET", "META_SHEET"]

#: The hidden sheet with the kind and spec version (its presence marks a banzhang workbook).
META_SHEET = "_banzhang"
#: The hidden sheet that feeds the dropdowns.
CODELIST_SHEET = "_代码表"
#: The instructions generated from the declarations.
GUIDE_SHEET = "说明"
#: The list of findings ``validate --annotate`` puts first in a department's marked copy: the
#: reader passes over it, so the marked copy reads back to the same document.
ANNOTATION_SHEET = "问题清单"
#: The header of a form sheet: element title, value, and the (hidden) element id.
FORM_HEADERS = ("要素", "内容", "要素编号")
