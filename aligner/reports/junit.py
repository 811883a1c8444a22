"""JUnit XML: one test case per sentence link, failed where a finding reaches --fail-on.

Written with the standard library's ElementTree, which escapes any text the
documents hold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..diverge.findings import severity_rank
from ..diverge.result import CheckResult


def render(result: CheckResult) -> str:
    suites = ET.Element("testsuites", name="aligner check")
    limit = severity_rank(result.fail_on)
    for alignment in result.alignments:
        name = alignment.target.name
        found = [f for f in result.active if f.target == name]
        suite = ET.SubElement(suites, "testsuite", name=name, tests=str(len(alignment.links)))
        failures = 0
        for link in alignment.links:
            src = ",".join(map(str, link.src)) or "-"
            tgt = ",".join(map(str, link.tgt)) or "-"
            case = ET.SubElement(suite, "testcase", classname=name, name=f"source {src} -> target {tgt}")
            here = [f for f in found if f.src_ids == link.src and f.tgt_ids == link.tgt
                    or (f.src_ids and set(f.src_ids) <= set(link.src) and not f.tgt_ids and not link.tgt)]
            failing = [f for f in here if severity_rank(f.severity) >= limit]
            if failing:
                failures += 1
                message = "; ".join(f"{f.rule}: {f.message}" for f in failing)
                ET.SubElement(case, "failure", message=message, type=failing[0].rule).text = message
            elif here:
                ET.SubElement(case, "system-out").text = "; ".join(f"{f.rule}: {f.message}" for f in here)
        suite.set("failures", str(failures))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
