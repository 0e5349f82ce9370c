"""Policy import: a school's own policy document (text, HTML, Markdown, DOCX, PDF) to a policy.

result = import_policy("policy.docx")            # or import_policy(data, "policy.docx")
result.policy_data    # the policy file format, ready for parse_policy or YAML
result.clauses        # each with kind, strength, roles and confidence
result.report         # Markdown review report, least certain clauses first
"""

from __future__ import annotations

from netiquette.importer.api import import_policy
from netiquette.importer.document import PolicyImportError
from netiquette.importer.result import ImportedClause, ImportResult

__all__ = ["ImportResult", "ImportedClause", "PolicyImportError", "import_policy"]
