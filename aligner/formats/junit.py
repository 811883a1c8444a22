"""JUnit XML: one test case per sentence link, failed where a finding reaches --fail-on.

Written with the standard library's ElementTree, which escapes any text the
documents hold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..core import CheckResult, severity_rank
from .base import xml_safe

if TYPE_CHECKING:
    from .base import RenderOptions


def render(result: CheckResult, options: "RenderOptions") -> str:
    suites = ET.Element("testsuites", name="aligner check")
    limit = severity_rank(result.fail_on)
    for alignment in result.alignments:
        name = alignment.target.name
        by_link = result.by_link(name)
        suite = ET.SubElement(suites, "testsuite", name=xml_safe(name), tests=str(len(alignment.links)))
        # what produced the verdicts (model, settings in force), as the other formats carry it
        ET.SubElement(ET.SubElement(suite, "properties"), "property", name="signature", value=result.signature)
        failures = 0
        for k, link in enumerate(alignment.links):
            # read by people in CI dashboards: sentence numbers 1-based, as in every message
            src = ",".join(str(i + 1) for i in link.src) or "-"
            tgt = ",".join(str(j + 1) for j in link.tgt) or "-"
            case = ET.SubElement(suite, "testcase", classname=xml_safe(name), name=f"source {src} -> target {tgt}")
            here = by_link.get(k, [])
            failing = [f for f in here if severity_rank(f.severity) >= limit]
            if failing:
                failures += 1
                message = xml_safe("; ".join(f"{f.rule}: {f.message}" for f in failing))
                ET.SubElement(case, "failure", message=message, type=failing[0].rule).text = message
            elif here:
                ET.SubElement(case, "system-out").text = xml_safe("; ".join(f"{f.rule}: {f.message}" for f in here))
        suite.set("failures", str(failures))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
