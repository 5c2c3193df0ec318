"""Which rule checks run on which kind: the two tables the validator reads.

The tables live here, not on :class:`~banzhang.kinds.Kind`, because the checks stand a floor
above the kinds (they read findings and the code rules). A kind registered by a profile runs no
writing-norm checks until it adds them with :func:`register_checks` (its schema and codes layers
still run, derived from its declarations).
"""

from __future__ import annotations

from banzhang import kinds
from banzhang.kinds.fee_list import FeeItem
from banzhang.kinds.intermediary_list import IntermediaryItem
from banzhang.kinds.public_service_list import PublicServiceItem
from banzhang.kinds.review_detail import ReviewDetail
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.kinds.service_mode_list import ServiceModeItem
from banzhang.validation import _rules_acceptance as acceptance
from banzhang.validation import _rules_codes as codes_
from banzhang.validation import _rules_consistency as consistency
from banzhang.validation import _rules_fees as fees
from banzhang.validation import _rules_norms as norms
from banzhang.validation import _rules_notices as notices
from banzhang.validation import _rules_power as power
from banzhang.validation import _rules_process as process
from banzhang.validation import _rules_seeds as seeds
from banzhang.validation import repealed
from banzhang.validation._rules_codes import RuleCheck

__all__ = ["DOCUMENT_CHECKS", "ENVELOPE_CHECKS", "ITEM_CHECKS", "register_checks"]

_LISTED_ITEM = (codes_.unique_codes,)

#: Checks of each item of a list kind, in the order their findings are reported.
ITEM_CHECKS: dict[str, tuple[RuleCheck, ...]] = {
    "power-list": (
        codes_.code_type_matches,
        codes_.sub_items_under_main,
        consistency.main_items_whole,
        *_LISTED_ITEM,
        codes_.basis_has_article,
        seeds.basis_is_legal,
        seeds.process_given,
        power.initiation_fits_type,
        power.responsibilities_cover_stages,
        power.levels_include_own,
    ),
    "licensing-list": (
        codes_.expecting_type("01"),
        codes_.sub_items_under_main,
        consistency.main_items_whole,
        *_LISTED_ITEM,
    ),
    "intermediary-list": (
        fees.fees_consistent(IntermediaryItem),
        fees.standard_stated(IntermediaryItem, "fee_standard"),
        fees.intermediary_basis_legal,
    ),
    "fee-list": (fees.standard_stated(FeeItem, "standard"),),
    "public-service-list": (
        codes_.expecting_type("20"),
        *_LISTED_ITEM,
        norms.units_stated(PublicServiceItem),
        fees.fees_consistent(PublicServiceItem),
        fees.standard_stated(PublicServiceItem, "fee_standard"),
    ),
    "supervision-list": (),
    "random-inspection-list": (),
    "service-mode-list": (
        consistency.minimum_units_only,
        *_LISTED_ITEM,
        norms.units_stated(ServiceModeItem),
        norms.modes_consistent,
    ),
}

#: Checks of a list's envelope (its items are checked one by one, above).
ENVELOPE_CHECKS: dict[str, tuple[RuleCheck, ...]] = {
    kind.id: (consistency.level_agrees,) for kind in kinds.all_kinds() if kind.is_list
}

#: Checks of a whole single document (a guide or a review detail).
DOCUMENT_CHECKS: dict[str, tuple[RuleCheck, ...]] = {
    "service-guide": (
        codes_.code_type_matches,
        consistency.implementation_agrees,
        norms.art30_complete,
        seeds.guide_in_scope,
        seeds.basis_is_legal,
        seeds.steps_state_limits(ServiceGuide),
        seeds.joint_within_cap,
        seeds.no_catch_all,
        norms.units_stated(ServiceGuide),
        norms.promised_within_legal,
        norms.steps_within_promised(ServiceGuide),
        process.nodes_at_most_three(ServiceGuide),
        notices.one_time_notice(ServiceGuide),
        notices.refusal_names_remedies,
        acceptance.non_acceptance_notice_issued,
        acceptance.acceptance_stated,
        fees.fees_consistent(ServiceGuide),
        fees.standard_stated(ServiceGuide, "fee_standard"),
        norms.materials_state_copies,
        acceptance.materials_shared_not_on_paper,
        acceptance.issued_copies_shared,
        acceptance.necessity_stated,
        norms.contacts_distinct,
        norms.modes_consistent,
    ),
    "review-detail": (
        codes_.code_type_matches,
        consistency.implementation_agrees,
        acceptance.review_steps_complete,
        norms.units_stated(ReviewDetail),
        norms.promised_within_legal,
        norms.steps_within_promised(ReviewDetail),
        process.nodes_at_most_three(ReviewDetail),
        notices.one_time_notice(ReviewDetail),
        notices.refusal_grounds_name_remedies,
        acceptance.review_notice_issued,
        seeds.no_catch_all,
        seeds.joint_within_cap,
        norms.two_inspectors,
    ),
}


# Every kind whose elements cite 法律法规 (设定依据, 审批依据, 收费依据 …) checks them against the
# register of repealed laws; which elements those are is read from the declarations.
for _kind in kinds.all_kinds():
    _table = ITEM_CHECKS if _kind.is_list else DOCUMENT_CHECKS
    if _kind.id in _table:
        _table[_kind.id] = (*_table[_kind.id], repealed.basis_current(_kind.item or _kind.document))


def register_checks(kind_id: str, checks: tuple[RuleCheck, ...]) -> None:
    """Run ``checks`` on each item of a list kind, or on a whole single document.

    Each check takes (data, path, context) and returns its findings; its rule ids must be in
    the rule catalogue.
    """
    table = ITEM_CHECKS if kinds.get(kind_id).is_list else DOCUMENT_CHECKS
    table[kind_id] = checks
