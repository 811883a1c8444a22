import pytest

from aligner.errors import InputError
from aligner.readers.text import MAX_LINE_CHARS, read_text

RU = "Первый комитет одобрил проект резолюции.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_encodings_with_and_without_bom_are_decoded(tmp_path, encoding):
    path = tmp_path / "ru.txt"
    path.write_bytes(RU.encode(encoding))
    assert read_text(path) == RU


def test_cp1251_russian_is_decoded(tmp_path):
    path = tmp_path / "ru.txt"
    text = ("Россия внесла этот документ в целях объединения государств – членов ООН. "
            "Его поддержали 124 государства.\n") * 3
    path.write_bytes(text.encode("cp1251"))
    assert read_text(path) == text


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"  \n\n \t\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (bytes(range(1, 32)) * 200, "binary"),
])
def test_empty_and_binary_files_are_refused(tmp_path, content, message):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text(path)


def test_huge_line_is_refused_with_its_line_number(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("ok\n" + "word " * (MAX_LINE_CHARS // 4), encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_text(path)


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)


def test_a_file_mixing_cp1251_and_utf8_is_refused_not_garbled(corpus, tmp_path):
    ru = (corpus / "ru.txt").read_text(encoding="utf-8").replace("•", "*")
    *head, last = ru.split("\n\n")
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("\n\n".join(head).encode("cp1251") + b"\n\n" + last.encode("utf-8"))
    with pytest.raises(InputError, match=r"mixes text encodings \(line \d+ is UTF-8"):
        read_text(mixed)
    for encoding in ("cp1251", "utf-8"):  # each encoding on its own is still read
        whole = tmp_path / f"whole-{encoding}.txt"
        whole.write_bytes(ru.encode(encoding))
        assert read_text(whole).startswith(ru[:40])


def test_standard_input_and_endless_devices(corpus):
    from clirunner import run_process

    res = run_process("align", corpus / "ru.txt", "-", "-q", input=(corpus / "en.txt").read_bytes())
    assert res.returncode == 0 and "Press release on the Results" in res.stdout
    res = run_process("align", "-", "-", input=b"")
    assert res.returncode == 2 and "only one edition can come from standard input" in res.stderr


def test_mixed_encodings_name_a_line_of_each(tmp_path):
    # the cp1251 line holds letters next to guillemets, bytes that also read as UTF-8
    cp1251 = "Ответ: «Да» и «Нет», АБВ«Б»В« конец.".encode("cp1251")
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(cp1251 + b"\n\nPlain line.\n\n" + "Строка в UTF-8 здесь.".encode("utf-8") + b"\n")
    with pytest.raises(InputError, match=r"line 5 is UTF-8, line 1 is not"):
        read_text(mixed)
