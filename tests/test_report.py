"""The review page in a real headless browser: what a reader sees and can do."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from clirunner import run

from aligner.core import Alignment, CheckResult, Document, Finding, Link, Sentence
from aligner.formats import render

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "out" / "test-artifacts"
CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
#: `make setup` installs Debian's chromium and chromium-driver and stops if it
#: cannot; only this variable, set on purpose, lets the browser tests skip.
NO_BROWSER = os.environ.get("ALIGNER_NO_BROWSER") == "1"


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if NO_BROWSER:
            pytest.skip("ALIGNER_NO_BROWSER=1: the review page is not tested in a browser")
        pytest.fail("Debian chromium/chromium-driver not found (make setup installs them); "
                    "set ALIGNER_NO_BROWSER=1 to skip the browser tests on purpose")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()




@pytest.fixture(scope="module")
def corpus_page(corpus, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("report") / "report.html"
    res = run("report", str(corpus), "--source", "ru", "-o", str(page), "-q")
    assert res.returncode == 0, res.stderr
    return page


def _visible_findings(driver, selector=".finding"):
    return [f for f in driver.find_elements("css selector", selector) if f.is_displayed()]


def test_every_edition_column_and_planted_difference_is_shown(browser, corpus_page):
    browser.get(corpus_page.as_uri())
    headers = [th.text for th in browser.find_elements("css selector", "table.editions th")]
    assert headers == ["#", "ru (source)", "de", "en", "es", "fr"]
    expected = {"de": ["number-mismatch", "omission", "sentence-split"],
                "es": ["sentence-merge", "clause-omission", "clause-addition"],
                "fr": ["addition", "meaning-shift", "number-mismatch"]}
    for lang, rules in expected.items():
        for rule in rules:
            cells = browser.find_elements("css selector", f'td.tgt[data-lang="{lang}"]')
            hit = [c for c in cells if c.find_elements("css selector", f'.finding[data-rule="{rule}"]')]
            assert hit, f"{lang}: {rule} not highlighted"
            assert any("sev-" in c.get_attribute("class") for c in hit)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "report.png"))
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_severity_and_rule_filters_hide_what_they_should(browser, corpus_page):
    browser.get(corpus_page.as_uri())
    errors = _visible_findings(browser, '.finding[data-severity="error"]')
    assert errors
    browser.find_element("css selector", '#severity-filter input[value="error"]').click()
    assert not _visible_findings(browser, '.finding[data-severity="error"]')
    assert _visible_findings(browser, '.finding[data-severity="info"]')
    assert not browser.find_elements("css selector", "td.sev-error")
    browser.find_element("css selector", '#severity-filter input[value="error"]').click()
    assert len(_visible_findings(browser, '.finding[data-severity="error"]')) == len(errors)
    browser.find_element("css selector", '#rule-filter input[value="number-mismatch"]').click()
    assert not _visible_findings(browser, '.finding[data-rule="number-mismatch"]')
    assert _visible_findings(browser, '.finding[data-rule="omission"]')


def test_keyboard_moves_from_finding_to_finding(browser, corpus_page):
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(corpus_page.as_uri())
    total = len(_visible_findings(browser))
    ActionChains(browser).send_keys("j").perform()
    current = browser.find_elements("css selector", ".finding.current")
    assert len(current) == 1
    assert browser.find_element("id", "position").text == f"finding 1 of {total}"
    ActionChains(browser).send_keys("j").send_keys("j").send_keys("k").perform()
    assert browser.find_element("id", "position").text == f"finding 2 of {total}"


def test_untrusted_text_is_shown_as_text_and_never_runs(browser, tmp_path):
    src = tmp_path / "en.txt"
    tgt = tmp_path / "de.txt"
    evil = '<script>window.__pwned = 1</script> " onmouseover="window.__pwned = 2" <img src=x onerror="window.__pwned=3">'
    src.write_text("The committee approved the draft resolution on security.\n\n"
                   f"It was supported by 124 States. {evil}\n", encoding="utf-8")
    tgt.write_text("Der Ausschuss billigte den Resolutionsentwurf zur Sicherheit.\n\n"
                   f"Er wurde von 142 Staaten unterstützt. {evil}\n", encoding="utf-8")
    page = tmp_path / "report.html"
    res = run("report", str(src), str(tgt), "-o", str(page), "-q")
    assert res.returncode == 0, res.stderr
    browser.get(page.as_uri())
    for cell in browser.find_elements("css selector", "td"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", cell)
    assert browser.execute_script("return window.__pwned === undefined")
    body = browser.find_element("tag name", "body").text
    assert "<script>window.__pwned = 1</script>" in body
    assert not browser.find_elements("css selector", "td img")


def _big_page(tmp_path, n=2000):
    src = Document("en", tuple(Sentence(f"Source sentence number {i}.", i // 5, i + 1) for i in range(n)), "en.txt")
    tgt = Document("de", tuple(Sentence(f"Zielsatz Nummer {i}.", i // 5, i + 1) for i in range(n)), "de.txt")
    alignment = Alignment(src, tgt, tuple(Link((i,), (i,), 0.9, 0.8) for i in range(n)))
    findings = tuple(Finding("number-mismatch" if i % 2 else "meaning-shift", "error" if i % 2 else "warning",
                             "en.txt", "de.txt", (i,), (i,), src.texts[i], tgt.texts[i], 0.9, f"finding {i}")
                     for i in range(0, n, 7))
    page = tmp_path / "big.html"
    page.write_text(render("page", "html", CheckResult(src, (alignment,), findings, "test")), encoding="utf-8")
    return page, findings


def _rows(driver) -> int:
    return driver.execute_script("return document.querySelectorAll('table.editions tbody tr').length")


def test_large_document_opens_at_once_and_is_whole_where_it_counts(browser, tmp_path):
    """A book-sized page lays out only its first rows; filters count, and
    keys reach, findings in rows not shown yet; scrolling shows the rest."""
    from selenium.webdriver.support.ui import WebDriverWait

    n = 2000
    page, findings = _big_page(tmp_path, n)
    browser.get(page.as_uri())
    assert _rows(browser) < n
    browser.find_element("css selector", '#rule-filter input[value="meaning-shift"]').click()
    shown = browser.find_element("id", "position").text
    numbers = [f for f in findings if f.rule == "number-mismatch"]
    assert shown == f"{len(numbers)} findings shown"
    browser.find_element("tag name", "body").send_keys("k")  # from the top, back to the last finding
    current = browser.find_element("css selector", ".finding.current")
    assert current.text.endswith(numbers[-1].message) and current.is_displayed()
    assert browser.find_element("id", "position").text == f"finding {len(numbers)} of {len(numbers)}"

    browser.get(page.as_uri())
    def scrolled_to_the_end(driver):
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        return _rows(driver) == n
    WebDriverWait(browser, 20, poll_frequency=0.2).until(scrolled_to_the_end)
    assert browser.find_element("id", f"row-{n}").is_displayed()


def test_large_document_finds_accepts_and_links_rows_not_shown_yet(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    n = 2000
    page, findings = _big_page(tmp_path, n)
    browser.get(page.as_uri() + "#row-1900")
    row = browser.find_element("id", "row-1900")
    assert row.is_displayed() and row.location["y"] > 1000
    browser.execute_script("localStorage.clear()")
    browser.get(page.as_uri())
    # the browser's find (Ctrl+F) searches the page: every row is there first
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("f").key_up(Keys.CONTROL).perform()
    assert _rows(browser) == n
    last = browser.find_elements("css selector", ".finding")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", last)
    last.find_element("css selector", ".accept").click()
    baseline = browser.execute_script("return window.alignerBaseline()")
    assert findings[-1].fingerprint in baseline
    browser.execute_script("localStorage.clear()")


def test_keyboard_respects_modifiers_and_works_after_a_filter_click(browser, corpus_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(corpus_page.as_uri())
    total = len(_visible_findings(browser))
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("n").key_up(Keys.CONTROL).perform()
    assert not browser.find_elements("css selector", ".finding.current")  # Ctrl+N is the browser's
    browser.find_element("css selector", "input[name=severity][value=info]").click()  # focus on a filter
    shown = len(_visible_findings(browser))
    assert shown < total
    ActionChains(browser).send_keys("j").perform()
    assert browser.find_element("id", "position").text == f"finding 1 of {shown}"
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    assert browser.find_element("id", "position").text == f"finding 2 of {shown}"
    assert browser.find_element("id", "announce").get_attribute("textContent").startswith(f"finding 2 of {shown}: ")


def test_cells_carry_language_direction_and_severity_as_text(browser, corpus_page):
    browser.get(corpus_page.as_uri())
    cells = browser.find_elements("css selector", "td.tgt")
    assert cells and all(c.get_attribute("dir") == "auto" and c.get_attribute("lang") for c in cells)
    labels = {f.find_element("css selector", ".sev-label").text for f in _visible_findings(browser)}
    assert {"✖ error", "ℹ info"} <= labels


def test_narrow_screen_shows_the_document(browser, corpus_page):
    browser.set_window_size(400, 760)
    try:
        browser.get(corpus_page.as_uri())
        header = browser.find_element("id", "top")
        assert header.value_of_css_property("position") == "static"
        first = browser.find_element("css selector", "td.src")
        height = browser.execute_script("return window.innerHeight")
        # on the first screen as the page opens: the summary and rule list are folded
        assert browser.execute_script("return arguments[0].getBoundingClientRect().top", first) < height / 2
        assert not browser.find_element("id", "summary-box").get_attribute("open")
        # whole words: none is broken (no overflow-wrap) and none runs out of its cell
        cells = browser.find_elements("css selector", "table.editions td.tgt")
        assert {c.value_of_css_property("overflow-wrap") for c in cells} == {"normal"}
        assert browser.execute_script("return Array.from(document.querySelectorAll('table.editions td'))"
                                      ".filter(td => td.scrollWidth > td.clientWidth + 1).length") == 0
        # the column headers stay while the editions scroll
        browser.execute_script("document.querySelector('main').scrollTop = 1500")
        th_top = browser.execute_script("return document.querySelector('table.editions thead th')"
                                        ".getBoundingClientRect().top")
        main_top = browser.execute_script("return document.querySelector('main').getBoundingClientRect().top")
        assert abs(th_top - max(main_top, 0)) < 2
        browser.execute_script("document.querySelector('main').scrollTop = 0")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "report-narrow.png"))
    finally:
        browser.set_window_size(1400, 1000)


def test_evidence_words_are_marked_in_both_columns(browser, corpus_page):
    browser.get(corpus_page.as_uri())
    marked = {m.text for m in browser.find_elements("css selector", "td.tgt mark")}
    source_marked = {m.text for m in browser.find_elements("css selector", "td.src mark")}
    assert "142" in marked and "124" in source_marked  # the changed number, both sides
    # a source highlight says which edition flagged it, on hover and on focus
    number = next(m for m in browser.find_elements("css selector", "td.src mark") if m.text == "124")
    assert number.get_attribute("data-editions") == "de" and "flagged in de" in number.get_attribute("title")
    browser.execute_script("arguments[0].focus()", number)
    after = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", number)
    assert "de" in after


def test_marked_evidence_stays_text():
    from aligner.formats.html import mark

    text = 'It was <b>supported</b> by 124 "States".'
    assert mark(text, ["124", "<b>supported</b>"]) == [
        ("It was ", False), ("<b>supported</b>", True), (" by ", False), ("124", True), (' "States".', False)]
    assert mark(text, []) == [(text, False)]


def test_accepting_a_finding_in_the_page_exports_a_baseline_check_reads(browser, corpus, corpus_page, tmp_path):
    import json

    browser.get(corpus_page.as_uri())
    browser.execute_script("localStorage.clear()")
    browser.get(corpus_page.as_uri())
    number = next(f for f in _visible_findings(browser, ".finding[data-rule=number-mismatch]")
                  if "142" in f.text)
    number.find_element("css selector", ".accept").click()
    assert "accepted" in number.get_attribute("class")
    assert browser.find_element("id", "accepted-count").text == "1 accepted"
    number.find_element("css selector", ".accept-note").send_keys("the source was corrected later")
    browser.get(corpus_page.as_uri())  # kept in the browser across reloads, with the note
    assert browser.find_element("id", "accepted-count").text == "1 accepted"
    baseline = tmp_path / "baseline.json"
    baseline.write_text(browser.execute_script("return window.alignerBaseline()"), encoding="utf-8")
    assert [e.get("note") for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == [
        "the source was corrected later"]
    res = run("check", str(corpus), "--source", "ru", "--baseline", str(baseline), "-f", "json", "-q")
    accepted = [f for f in json.loads(res.stdout)["findings"] if f["baseline"]]
    assert [(f["rule"], "142" in f["message"]) for f in accepted] == [("number-mismatch", True)]
    browser.execute_script("localStorage.clear()")


def _open_editor(driver, page, lang):
    driver.get(page.as_uri())
    driver.execute_script("localStorage.clear()")
    driver.get(page.as_uri())
    driver.find_element("id", "edit-links").click()
    _pick(driver, lang)
    assert not driver.find_element("id", "editions").is_displayed()


def _pick(driver, lang):
    from selenium.webdriver.support.ui import Select

    menu = Select(driver.find_element("id", "edit-target"))
    menu.select_by_index(next(i for i, o in enumerate(menu.options) if o.text.startswith(f"{lang}:")))


def _link_rows(driver) -> list[tuple[str, str]]:
    """(kind, translation text) of every row of the link editor."""
    return [(r.find_element("css selector", ".kind").text.split(" ")[0], r.find_elements("css selector", "td")[2].text)
            for r in driver.find_elements("css selector", "#links-table tbody tr")]


def _row_button(driver, row: int, op: str):
    return driver.find_elements("css selector", "#links-table tbody tr")[row].find_element(
        "css selector", f"button[data-op='{op}']")


def test_corrected_links_go_back_to_the_cli_and_change_the_check(browser, corpus, corpus_page, tmp_path):
    """The round trip a reviewer makes: split a 1-2 link in one edition, merge an
    added sentence into its neighbour in another, export, and feed the file to
    align and check."""
    import json

    _open_editor(browser, corpus_page, "de")
    rows = _link_rows(browser)
    split_at = next(i for i, (kind, _) in enumerate(rows) if kind == "1-2")
    _row_button(browser, split_at, "split").click()
    after = _link_rows(browser)
    assert [k for k, _ in after[split_at:split_at + 2]] == ["1-1", "0-1"]
    assert len(after) == len(rows) + 1
    assert browser.find_element("id", "edit-status").text.startswith("2 links changed")
    # focus stays on the row just edited, for keyboard users
    assert browser.switch_to.active_element.get_attribute("data-op") in ("split", "merge", "check")

    _pick(browser, "fr")
    rows = _link_rows(browser)
    added = next(i for i, (kind, _) in enumerate(rows) if kind == "0-1" and i > 0)
    _row_button(browser, added - 1, "merge").click()
    assert len(_link_rows(browser)) == len(rows) - 1
    _row_button(browser, 0, "check").click()

    browser.get(corpus_page.as_uri())  # corrections are kept across reloads, and said in the findings view
    note = browser.find_element("id", "corrections-note")
    assert note.is_displayed() and "de.txt (2 links changed" in note.text and "fr.txt (1 links changed, 1 checked" in note.text
    review = tmp_path / "review.json"
    review.write_text(browser.execute_script("return window.alignerReview()"), encoding="utf-8")
    browser.execute_script("localStorage.clear()")

    before = json.loads(run("check", str(corpus), "--source", "ru", "-f", "json", "-q").stdout)
    res = run("check", "--from-review", str(review), "-f", "json", "-q")
    assert res.returncode == 1, res.stderr  # the planted number changes are still errors
    after = json.loads(res.stdout)

    def rules(doc, lang):
        return sorted(f["rule"] for f in doc["findings"] if f["target"].endswith(f"{lang}.txt"))

    assert "sentence-split" in rules(before, "de") and "sentence-split" not in rules(after, "de")
    assert rules(after, "de").count("addition") == rules(before, "de").count("addition") + 1
    assert rules(after, "fr").count("addition") == rules(before, "fr").count("addition") - 1
    assert rules(after, "es") == rules(before, "es")  # untouched edition, same findings

    res = run("align", "--from-review", str(review), "-f", "json", "-q")
    assert res.returncode == 0, res.stderr
    res = run("align", "--from-review", str(review), "-f", "tmx", "-q")
    # the split: the first German sentence alone is the translation unit's segment
    assert res.returncode == 0 and "zusammenzuführen.</seg>" in res.stdout
    page = tmp_path / "corrected.html"
    assert run("report", str(review), "-o", str(page), "-q").returncode == 0
    assert "from-review" in page.read_text(encoding="utf-8")


def test_the_link_editor_numbers_rows_by_source_sentence_as_the_editions_table_does(browser, corpus_page):
    _open_editor(browser, corpus_page, "es")
    rows = browser.find_elements("css selector", "#links-table tbody tr")
    nums = [r.find_element("css selector", "td.num").text for r in rows]
    kinds = [r.find_element("css selector", ".kind").text.split(" ")[0] for r in rows]
    merged = kinds.index("2-1")
    first, second = nums[merged].split(",")
    assert int(second) == int(first) + 1  # the Spanish merge of source sentences 4 and 5
    assert all(n == "+" for n, k in zip(nums, kinds) if k.startswith("0-"))
    labels = {r.find_element("css selector", "td.num").get_attribute("textContent").strip()
              for r in browser.find_elements("css selector", "#editions tbody tr")}  # (hidden while editing)
    assert nums[merged] in labels  # the same number in both views


def test_split_undo_and_moves_keep_a_valid_alignment(browser, corpus_page, tmp_path):
    _open_editor(browser, corpus_page, "es")
    rows = _link_rows(browser)
    merged = next(i for i, (kind, _) in enumerate(rows) if kind == "2-1")
    _row_button(browser, merged, "src-down").click()  # the second source sentence to the next link
    assert _link_rows(browser)[merged][0] == "1-1"
    browser.find_element("id", "undo").click()
    assert _link_rows(browser) == rows
    assert browser.find_element("id", "undo").get_attribute("disabled")
    _row_button(browser, 1, "tgt-up").click()
    _row_button(browser, 0, "merge").click()
    review = tmp_path / "review.json"
    review.write_text(browser.execute_script("return window.alignerReview()"), encoding="utf-8")
    browser.execute_script("localStorage.clear()")
    res = run("align", "--from-review", str(review), "-f", "tsv", "-q")
    assert res.returncode == 0, res.stderr


def test_a_hand_broken_review_file_is_refused(tmp_path, corpus):
    import json

    res = run("check", str(corpus), "--source", "ru", "-f", "json", "-q")
    doc = json.loads(res.stdout)
    review = {"format": "aligner-review/1", "source": doc["source"], "documents": doc["documents"],
              "alignments": doc["alignments"]}
    path = tmp_path / "review.json"
    review["alignments"][0]["links"][1]["tgt"] = review["alignments"][0]["links"][0]["tgt"]  # a sentence twice
    path.write_text(json.dumps(review), encoding="utf-8")
    res = run("align", "--from-review", str(path), "-q")
    assert res.returncode == 2 and "once each, in order" in res.stderr and not res.stdout
    path.write_text(json.dumps({"format": "aligner-baseline/1", "findings": []}), encoding="utf-8")
    res = run("check", "--from-review", str(path), "-q")
    assert res.returncode == 2 and "not a review file" in res.stderr
    res = run("align", "--from-review", str(path), str(corpus), "-q")
    assert res.returncode == 2 and "not both" in res.stderr


def test_links_can_be_corrected_on_a_phone_width_screen(browser, corpus_page):
    browser.set_window_size(400, 760)
    try:
        _open_editor(browser, corpus_page, "de")
        rows = _link_rows(browser)
        split_at = next(i for i, (kind, _) in enumerate(rows) if kind == "1-2")
        button = _row_button(browser, split_at, "split")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()  # not covered by a header or another column
        assert len(_link_rows(browser)) == len(rows) + 1
        browser.find_element("id", "undo").click()
        assert _link_rows(browser) == rows
    finally:
        browser.execute_script("localStorage.clear()")
        browser.set_window_size(1400, 1000)
