"""Where WordprocessingML wants an element among its siblings (ECMA-376 Part 1, §17).

Word calls a file whose properties list their children out of the schema's order damaged, so
an element python-docx has no method for is inserted before the siblings that must follow it.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "PARAGRAPH_PROPERTIES",
    "SECTION_AFTER_PAGE_NUMBERS",
    "SETTINGS_AFTER_UPDATE_FIELDS",
    "insert_in_order",
    "paragraph_successors",
]

#: The children of ``w:pPr`` in schema order (CT_PPrBase, then CT_PPr's own).
PARAGRAPH_PROPERTIES = (
    *("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr"),
    *("w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs"),
    *("w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct"),
    *("w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid"),
    *("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap"),
    *("w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl"),
    *("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)

#: The children of ``w:settings`` that come after ``w:updateFields`` (CT_Settings).
SETTINGS_AFTER_UPDATE_FIELDS = (
    *("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids"),
    *("w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats"),
    *("w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown"),
    *("w:smartTagType", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol"),
    "w:listSeparator",
)


#: The children of ``w:sectPr`` that come after ``w:pgNumType`` (CT_SectPr).
SECTION_AFTER_PAGE_NUMBERS = (
    *("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection"),
    *("w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
)


def insert_in_order(parent: Any, element: Any, successors: tuple[str, ...]) -> None:
    """Insert ``element`` into ``parent`` before the first child named in ``successors``."""
    parent.insert_element_before(element, *successors)


def paragraph_successors(tag: str) -> tuple[str, ...]:
    """Return the ``w:pPr`` children that must follow ``tag`` (``w:pBdr``, ``w:outlineLvl``)."""
    return PARAGRAPH_PROPERTIES[PARAGRAPH_PROPERTIES.index(tag) + 1 :]
