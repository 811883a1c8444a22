"""The errors translators make that a sentence encoder misses: a negation added
or dropped, a name or country swapped, a reference renumbered, numbers in
another order, a sentence said twice. Each on hand-made pairs, positive and
negative, in several languages."""

from __future__ import annotations

import pytest

from aligner.api import divergence_model
from aligner.core import Alignment, Document, Link, Sentence
from aligner.diverge.check import check_pair, pair_context
from aligner.rules.polarity import absorbers, doubled, negation_parts, negations
from aligner.rules.places import places


def _doc(texts, lang):
    return Document(lang, tuple(Sentence(t, i, i + 1) for i, t in enumerate(texts)), f"{lang}.txt")


def _check(encoder, src, tgt, src_lang="en", tgt_lang="de", links=None):
    links = links or [([i], [i]) for i in range(len(src))]
    alignment = Alignment(_doc(src, src_lang), _doc(tgt, tgt_lang),
                          tuple(Link(tuple(a), tuple(b), 0.95) for a, b in links))
    return check_pair(pair_context(alignment, encoder, divergence_model(encoder)))


def _serious(findings, rule):
    return [f for f in findings if f.rule == rule and f.severity in ("warning", "error")]


# --- polarity -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,word", [
    ("en", "This is not the second stage.", "not"),
    ("de", "Das ist nicht die zweite Stufe.", "nicht"),
    ("de", "Es gibt keine zweite Stufe.", "keine"),
    ("fr", "Ce n'est pas la deuxième étape.", "n"),
    ("fr", "Il part sans attendre.", "sans"),
    ("fr", "Il ne reste plus de place.", "ne"),
    ("es", "No es la segunda etapa.", "no"),
    ("it", "Non è la seconda fase.", "non"),
    ("pt", "Não é a segunda etapa.", "não"),
    ("ru", "Это не второй этап.", "не"),
    ("ja", "これは第二段階ではありません。", "ません"),
    ("zh", "这不是第二阶段。", "不"),
    ("uk", "Це не другий етап.", "не"),
    ("nl", "Dit is niet de tweede fase.", "niet"),
    ("ko", "이것은 두 번째 단계가 아닙니다.", "아닙"),
])
def test_negating_words_per_language(lang, text, word):
    assert word in [text[a:b].casefold() for a, b in negations(text, lang)]


@pytest.mark.parametrize("lang,text", [
    ("fr", "La version ne devrait contenir que des chiffres."),   # ne ... que: only
    ("fr", "Avant qu'il ne soit terminé, relisez-le."),            # expletive ne
    ("ja", "ソースを修正しなければなりません。"),                  # must
    ("zh", "检查编译依赖是否合适。"),                               # whether
    ("en", "This is the second stage."),
    ("de", "Das ist die zweite Stufe."),
    ("fr", "Le plus important est le fichier rules."),              # plus without ne: "most"
    ("fr", "Pour obtenir plus de renseignements, lisez ce point."),  # more, a point
    ("en", "It keeps not only the binaries but also the sources."),  # not only: both
    ("de", "Es behält nicht nur die Programme, sondern auch die Quellen."),
    ("ru", "Он хранит не только программы, но и исходники."),
    ("fr", "Il n'y a pas seulement des erreurs, mais aussi des conseils."),
    ("ja", "debパッケージファイルだけではなく、ソースも含みます。"),
    ("zh", "对于特定打包类别的信息。"),                              # 类别: category
])
def test_words_that_look_negative_but_do_not_negate(lang, text):
    assert negations(text, lang) == []


def test_words_that_say_a_negation_in_another_way():
    assert "only" in absorbers("It runs only as root.", "en")
    assert "nur" in absorbers("Es läuft nur als root.", "de")
    assert absorbers("It runs as root.", "en") == []
    # "a format other than tar.gz" is "weder tar.gz noch ...", "not tar.gz"
    assert "other than" in absorbers("The source comes in a format other than tar.gz or tar.bz2.", "en")
    assert "as is" in absorbers("We leave line 10 as is.", "en")
    assert absorbers("This package has issues.", "en") == []   # a phrase starts a word
    # short words match whole: "plusieurs" is no "plus", "peut" no "peu", "безопасность" no "без"
    assert absorbers("Il peut proposer plusieurs choix.", "fr") == []
    assert absorbers("Настройте безопасность системы.", "ru") == []
    assert absorbers("Il y a peu de choix.", "fr") == ["peu"]


def test_a_negation_said_as_only_or_in_a_word_of_the_other_side_is_not_compared():
    from aligner.rules.polarity import _sides
    # "not ... unless" is "erst wenn": the "unless" belongs to the negation, "erst" says both
    assert _sides("The package will not be installed unless its dependencies are installed.",
                  "Das Paket wird erst installiert, wenn seine Abhängigkeiten installiert sind.", "en", "de") is None
    # "bear in mind" is "do not forget"; "although it is not required" is "optional"
    assert _sides("Bear in mind that the program must behave correctly.",
                  "Vergessen Sie nicht, dass sich das Programm korrekt verhalten muss.", "en", "de") is None
    assert _sides("Although it is not required, updating the files may help.",
                  "可选：更新这些文件可能有帮助。", "en", "zh") is None
    # "проверить, нет ли уже" asks whether there is already: no negation at all
    assert negations("Проверьте, нет ли уже этого пакета в архиве.", "ru") == []
    # without such a word, an added negation is still compared
    assert _sides("The package will be installed when its dependencies are installed.",
                  "Das Paket wird nicht installiert, wenn seine Abhängigkeiten installiert sind.", "en", "de")


def test_every_paired_word_of_the_lexicon_is_an_absorber_of_its_language():
    # a paired word only ever takes an absorber back out of the negating side's count
    from aligner.rules.lexicons import lexicon
    for lang, table in lexicon("negation").items():
        assert set(table.get("paired", ())) <= set(table.get("absorbers", ())), lang


def test_idioms_and_hyphened_prefixes_do_not_negate():
    assert negations("Last, but not least, the archives help.", "en") == []
    assert negations("Most, but not all, suggestions are valid.", "en") == []
    assert negations("How does Debian support non-English languages?", "en") == []
    assert negations("This is not least important.", "en") == [(8, 11)]


def test_words_of_the_translations_language_are_not_the_sources_negations(usem3):
    # pt "no" is "in the", not the English "no"; the English "not" left in still counts
    src = ["The 'partman-auto' package in the D-I source repository may have an example you can follow."]
    tgt = "O pacote 'partman-auto' no repositório da fonte do D-I poderá ter um exemplo que possa seguir."
    assert not _serious(_check(usem3, src, [tgt], tgt_lang="pt"), "negation-mismatch")
    from aligner.rules.polarity import _sides
    assert _sides(src[0], tgt, "en", "pt") is None
    assert _sides(src[0], tgt.replace("poderá", "not poderá"), "en", "pt")


def test_an_added_negation_is_a_warning_quoting_it(usem3):
    src = ["Aptitude is the second stage of the installation process."]
    found = _serious(_check(usem3, src, ["Aptitude ist nicht die zweite Stufe des Installationsprozesses."]),
                     "negation-mismatch")
    assert found and "nicht" in found[0].message and found[0].evidence == ("nicht",)


def test_a_dropped_negation_is_a_warning(usem3):
    src = ["The installer does not format the second disk."]
    found = _serious(_check(usem3, src, ["Le programme d'installation formate le deuxième disque."], tgt_lang="fr"),
                     "negation-mismatch")
    assert found and "source" in found[0].message


def test_a_negation_in_two_parts_is_taken_out_whole_and_quoted_so(usem3):
    # "n'est pas": without its "n'" alone the sentence still says "pas"
    assert negation_parts("Ce n'est pas un fichier.", "fr") == [((3, 4), (9, 12))]
    src = ["The dh command can be customized as follows."]
    found = _serious(_check(usem3, src, ["La commande dh ne peut pas être personnalisée comme suit."], tgt_lang="fr"),
                     "negation-mismatch")
    assert found and found[0].evidence == ("ne", "pas") and "ne … pas" in found[0].message


def test_french_phrases_that_hold_a_negation_but_do_not_negate(usem3):
    # "n'oubliez pas" is "make sure"; "pas non plus" negates once, and "non" is no English word there
    assert negations("N’oubliez pas de sauver le fichier.", "fr") == []
    src = ["If the command is missing an info page, you should edit the man page by hand.",
           "Please make sure to save the changelog file explicitly."]
    tgt = ["Si la commande n'a pas non plus de page info, vous devriez modifier la page de manuel à la main.",
           "N'oubliez pas de sauver le fichier changelog explicitement."]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="fr"), "negation-mismatch")


@pytest.mark.parametrize("lang,tgt,rule,twice", [
    ("es", "En otros casos, dh_make no no puede construir plantillas de configuración.", "repeated-word", "no no"),
    ("ru", "Это совпадает с именем пакета, но это не не является обязательным.", "repeated-word", "не не"),
    ("zh", "还要检查二进制包中是否有不不需要的文件。", "negation-mismatch", "不不"),
])
def test_a_negation_written_twice_in_a_row_is_one_warning(usem3, lang, tgt, rule, twice):
    # a doubled word is the parity rule's where words are spaced; a doubled negating
    # piece of a script without spaces is the negation rule's (不 doubles no other way)
    src = ["Check for extra files that are not needed in the binary package."]
    found = [f for f in _check(usem3, src, [tgt], tgt_lang=lang) if f.severity in ("warning", "error")
             and f.rule in ("repeated-word", "negation-mismatch")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, (twice,))]
    once = tgt.replace(twice, twice.split()[0] if " " in twice else twice[0])
    assert doubled(once, lang) is None


def test_faithful_negations_are_quiet(usem3):
    src = ["The installer does not format the second disk.", "It runs only as root."]
    tgt = ["Der Installer formatiert die zweite Festplatte nicht.", "Es läuft nicht als normaler Benutzer."]
    assert not _serious(_check(usem3, src, tgt), "negation-mismatch")


# --- opposites -------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, concept", [
    ("de", "Binden Sie es nachdem das System gestartet ist ein.", "before / after"),
    ("fr", "Réparer un système cassé peut être facile.", "easy / difficult"),
    ("es", "Muchos de estos mensajes son graves.", "harmless / serious"),
    ("ru", "У вас намного меньше шансов.", "more / less"),
    ("ja", "この機能は無効です。", "enable / disable"),
    ("zh", "系统禁止这个操作。", "allow / forbid"),
    ("es", "entre el servidor y el sistema que está instalándose", "client / server"),
    ("fr", "le microprogramme était placé par l'utilisateur sur le périphérique", "user / manufacturer"),
    ("ru", "Сопровождающий XYZ исправляет эту ошибку.", "user / maintainer"),
    ("zh", "上游开发者会将必要的修补向后移植", "user / developer"),
])
def test_opposites_per_language(lang, text, concept):
    from aligner.rules.antonyms import poles
    assert concept in poles(text, lang)


def _repairs(last_fr):
    src = [f"Repairing system number {n} is difficult." for n in range(1, 7)] + ["Repairing a broken system is difficult."]
    tgt = [f"Réparer le système numéro {n} est difficile." for n in range(1, 7)] + [last_fr]
    return src, tgt


def test_an_opposite_where_the_translator_keeps_the_pole_is_a_warning_quoting_both_words(usem3):
    src, tgt = _repairs("Réparer un système cassé peut être facile.")
    found = _serious(_check(usem3, src, tgt, tgt_lang="fr"), "opposite-meaning")
    assert [(f.severity, f.src_ids, f.evidence) for f in found] == [("warning", (6,), ("difficult", "facile"))]
    src, tgt = _repairs("Réparer un système cassé peut être difficile.")
    assert not _serious(_check(usem3, src, tgt, tgt_lang="fr"), "opposite-meaning")


def test_the_user_in_place_of_the_maintainer_is_a_warning_to_check_who_does_what(usem3):
    # the Debian FAQ in German, "der Betreuer" (the maintainer) written as "der Benutzer"
    src = [f"The maintainer of package {n} fixes the bug." for n in range(1, 7)] + \
          ["The maintainer of XYZ fixes this bug and uploads it to unstable say on June 30."]
    tgt = [f"Der Betreuer des Pakets {n} behebt den Fehler." for n in range(1, 7)]
    found = _serious(_check(usem3, src, tgt + ["Der Benutzer von XYZ behebt den Fehler und lädt ein neues Paket nach "
                                               "Unstable hoch, sagen wir am 30. Juni."]), "opposite-meaning")
    assert [(f.src_ids, f.evidence) for f in found] == [((6,), ("maintainer", "benutzer"))]
    assert "who does what" in found[0].message
    # a maintainer written as a developer is how translators say it, not a part swapped
    faithful = tgt + ["Der Entwickler von XYZ behebt den Fehler und lädt ein neues Paket nach Unstable hoch, sagen "
                      "wir am 30. Juni."]
    assert not [f for f in _check(usem3, src, faithful) if f.rule == "opposite-meaning"]


def test_opposites_a_translation_turns_around_throughout_are_notes(usem3):
    src = [f"Do step {n} before the reboot." for n in range(1, 6)]
    tgt = [f"Nach dem Neustart, und danach erst, kommt Schritt {n}." for n in range(1, 6)]
    found = [f for f in _check(usem3, src, tgt) if f.rule == "opposite-meaning"]
    assert found and all(f.severity == "info" for f in found)


# --- sentences without a counterpart -------------------------------------------------

_SPLIT_SRC = ["The installer enables memory-saving tricks on low-memory systems, but on less tested "
              "architectures it may fail to do so.", "You can always enable them by hand."]
_SPLIT_TGT = ["Der Installer aktiviert auf Systemen mit wenig Arbeitsspeicher Funktionen zum Sparen von Speicher.",
              "Auf weniger getesteten Architekturen könnte dies jedoch fehlschlagen.",
              "Sie können sie jederzeit von Hand aktivieren."]


def test_a_sentence_said_in_the_pair_next_to_it_is_a_note_not_an_addition(usem3):
    # the translation split one source sentence in two, and the aligner linked only one of them
    found = _check(usem3, _SPLIT_SRC, _SPLIT_TGT, links=[([0], [0]), ([], [1]), ([1], [2])])
    additions = [f for f in found if f.rule == "addition"]
    assert [(f.severity, f.tgt_ids) for f in additions] == [("info", (1,))]
    assert "said there" in additions[0].message


def test_a_sentence_really_added_or_dropped_is_still_reported(usem3):
    tgt = _SPLIT_TGT[:1] + ["Das Wetter in Berlin war gestern den ganzen Tag sehr schön und sonnig."] + _SPLIT_TGT[2:]
    found = _check(usem3, _SPLIT_SRC, tgt, links=[([0], [0]), ([], [1]), ([1], [2])])
    assert [(f.severity, f.tgt_ids) for f in _serious(found, "addition")] == [("error", (1,))]
    src = _SPLIT_SRC[:1] + ["Debian also runs on very old computers with little memory and slow disks."] + _SPLIT_SRC[1:]
    found = _check(usem3, src, _SPLIT_TGT[:1] + _SPLIT_TGT[2:], links=[([0], [0]), ([1], []), ([2], [1])])
    assert [(f.severity, f.src_ids) for f in _serious(found, "omission")] == [("error", (1,))]


# --- names and places ------------------------------------------------------------------

def _manual(name_de):
    """A short manual that names Debian in every sentence, its last one as given."""
    src = ["Debian runs on many computers.", "The Debian project makes Debian.",
           "You can install Debian from a disk.", "Debian has many packages.",
           "The Debian installer is simple to use."]
    tgt = ["Debian läuft auf vielen Rechnern.", "Das Debian-Projekt macht Debian.",
           "Sie können Debian von einer Platte installieren.", "Debian hat viele Pakete.", name_de]
    return src, tgt


def test_a_renamed_name_is_an_error(usem3):
    src, tgt = _manual("Der Ubuntu-Installer ist einfach zu benutzen.")
    found = _serious(_check(usem3, src + ["Ubuntu is another system."], tgt + ["Ubuntu ist ein anderes System."]),
                     "name-mismatch")
    assert [(f.severity, f.src_ids) for f in found] == [("error", (4,))]
    assert "Debian" in found[0].message and "Ubuntu" in found[0].message


def test_a_name_replaced_by_one_the_source_never_uses_is_an_error(usem3):
    # German capitalises every noun: the encoder tells the stand-in from a translated word
    src, tgt = _manual("Der Ubuntu-Installer ist einfach zu benutzen.")
    found = _serious(_check(usem3, src, tgt), "name-mismatch")
    assert [(f.severity, f.src_ids, f.evidence) for f in found] == [("error", (4,), ("Debian", "Ubuntu"))]
    assert "instead of beside it" in found[0].message


def _manual_fr(*pairs):
    """The short manual in French, with more (source, translation) sentences after it."""
    src = ["Debian runs on many computers.", "The Debian project makes Debian.",
           "You can install Debian from a disk.", "Debian has many packages."]
    tgt = ["Debian fonctionne sur beaucoup d'ordinateurs.", "Le projet Debian fait Debian.",
           "Vous pouvez installer Debian depuis un disque.", "Debian a beaucoup de paquets."]
    return src + [s for s, _ in pairs], tgt + [t for _, t in pairs]


def test_a_name_replaced_in_french_is_an_error_and_a_translated_title_is_not(usem3):
    src, tgt = _manual_fr(("Read the Debian Policy first.", "Lisez d'abord la Charte Debian."),
                          ("The installer of Debian is simple to use.", "L'installateur d'Ubuntu est simple à utiliser."))
    found = _serious(_check(usem3, src, tgt, tgt_lang="fr"), "name-mismatch")
    assert [(f.severity, f.src_ids, f.evidence) for f in found] == [("error", (5,), ("Debian", "Ubuntu"))]


def test_a_title_translated_once_where_it_is_mostly_kept_is_a_note_not_a_renamed_name(usem3):
    # the guide's title is kept in English in most sentences; where the translation
    # translates it, "Paketbetreuer" stands where "Maintainers" was: a word of the title
    # (the source writes "maintainers" in its prose too), not a name replaced
    title = "the Debian New Maintainers' Guide"
    src = [f"Read {title} first.", f"This is {title}.", f"Thank you for reading {title}.",
           "The maintainers of a package keep it working.", f"See {title} for details."]
    tgt = [f"Lesen Sie zuerst {title[4:]}.", f"Dies ist {title[4:]}.", f"Danke, dass Sie {title[4:]} lesen.",
           "Die Betreuer eines Pakets halten es am Laufen.", "Siehe den Debian-Leitfaden für neue Paketbetreuer."]
    found = _check(usem3, src, tgt)
    assert not _serious(found, "name-mismatch")
    notes = [f for f in found if f.rule == "name-mismatch" and f.src_ids == (4,)]
    assert notes and all(f.severity == "info" for f in notes)
    assert any("translated here" in f.message for f in notes)
    # a name of the source replaced by another in that title is still an error
    tgt[4] = "Siehe den Ubuntu New Maintainers' Guide."
    assert [f.evidence for f in _serious(_check(usem3, src, tgt), "name-mismatch")] == [("Debian", "Ubuntu")]


def test_a_name_written_fewer_times_with_another_in_its_place_is_an_error(usem3):
    src, tgt = _manual("Der Debian-Installer ist einfach zu benutzen.")
    src[1], tgt[1] = "The Debian project makes Debian.", "Das Debian-Projekt macht Ubuntu."
    found = _serious(_check(usem3, src, tgt), "name-mismatch")
    assert [(f.severity, f.src_ids) for f in found] == [("error", (1,))]


def test_plural_acronyms_table_cells_and_placeholders_are_not_missing_names():
    from aligner.rules.names import _kept, source_names
    assert _kept("ROMs", "Wie installiere ich Debian von CD-ROM?") and _kept("PCs", "auf alten PC")
    # a cell's first word is capitalised as a sentence's is; a placeholder is translated
    assert [n for n, _ in source_names("│cdrom│Symbolic link to the drive│", frozenset())] == []
    assert [n for n, _ in source_names("Files are named <foo>_<VersionNumber>.deb here.", frozenset())] == []


def test_what_translators_translate_or_respace_in_names_is_kept():
    from aligner.rules.names import _kept, source_names
    words = frozenset({"account", "name", "install", "host", "only", "based", "make", "whether"})
    names = lambda text: [n for n, _ in source_names(text, words)]
    # a placeholder of words is translated (nombre_de_la_cuenta); a command is not a placeholder
    assert names("Mail goes to /var/mail/ account_name and install_host.") == []
    assert names("Run dh_make in the directory.") == ["dh_make"]
    # names that stand for any name in an example are placeholders too
    assert names("Copy it as foo_newversion.orig.tar.gz and set KEYID=Your_GPG_keyID.") == []
    # the words after a name's hyphen are the language's ("nur IPv4"); the name before stays
    assert names("All IPv4-only and x86-based setups.") == ["x86"]
    # a comment starts a sentence; a title's words in title case are translated
    assert [(n, t) for n, t in source_names("# Controls whether the clock is set.", words)] == []
    assert dict(source_names('See "Using the Shell and Viewing the Logs" first.', words))["Viewing"] is True
    # spaces put beside a mark; a locale given in the translation's language
    assert _kept("Alt+F4", "Drücken Sie Alt +F4.") and _kept("en_US", "nutzen Sie locale=de_DE.")
    assert not _kept("en_US", "nutzen Sie locale=deutsch.")
    # a URL inside a pattern ends where the pattern's marks start
    from aligner.rules.names import carried_tokens
    assert ("URL", "http://sf.net/gentoo/gentoo") in carried_tokens("version=3 http://sf.net/gentoo/gentoo-(.+)\\.tar\\.gz")


def test_plurals_and_words_made_of_names_are_kept_in_the_singular():
    from aligner.rules.names import _kept, name_candidates
    # a name's plural written in the singular, a word made of an acronym
    assert _kept("Amigas", "les Amiga et les ATARI") and _kept("Unices", "Wie alle Unix-Systeme")
    assert _kept("GNUish", "le sens donné par le projet GNU")
    assert not _kept("Amigas", "les ordinateurs et les ATARI")
    # an acronym's plural is an acronym (the acronym check reads it), not a name
    assert [n for n, *_ in name_candidates("It runs on 386 PCs and other CPUs or OSes today.", frozenset())] == []


def test_a_name_written_as_one_word_or_a_title_in_the_translations_words_is_no_stand_in(usem3):
    src = ["Red Hat makes Fedora.", "Red Hat sells support.", "Use Red Hat packages here.",
           "Red Hat is a company.", "Can I use Red Hat packages on my system?"]
    tgt = ["Red Hat делает Fedora.", "Red Hat продаёт поддержку.", "Используйте пакеты Red Hat здесь.",
           "Red Hat — компания.", "Можно ли использовать пакеты RedHat в моей системе?"]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="ru"), "name-mismatch")
    # a French page title is capitalised, and a word the translation writes in small letters elsewhere
    src, tgt = _manual_fr(("The mirror size is large.", "La taille du miroir est grande."),
                          ("See the Debian mirror size page first.", "Consultez d'abord la page Taille d'un miroir."))
    assert not [f for f in _serious(_check(usem3, src, tgt, tgt_lang="fr"), "name-mismatch") if f.severity == "error"]


def test_a_capitalised_source_word_is_no_name_for_a_german_stand_in():
    # "Software" is capitalised in the source's titles only, a word of the source: the German
    # noun in the translation is no name standing in for Debian (read without the encoder,
    # which weighs the other stand-ins)
    src, tgt = _manual("Bei Software ist der Installer einfach zu benutzen.")
    src = src + ["Read the Free Software Guidelines.", "It is free software."]
    tgt = tgt + ["Lesen Sie die Richtlinien für Freie Software.", "Es ist freie Software."]
    alignment = Alignment(_doc(src, "en"), _doc(tgt, "de"), tuple(Link((i,), (i,), 0.95) for i in range(len(src))))
    found = _serious(check_pair(pair_context(alignment, None, None)), "name-mismatch")
    assert [(f.severity, f.src_ids) for f in found] == [("warning", (4,))]  # Debian missing, nothing in its place


def test_an_example_address_with_its_words_translated_is_a_note(usem3):
    src = ["Send mail to debian-list-subject-request@lists.debian.org to subscribe.", "Each list has a subject."]
    tgt = ["Senden Sie eine E-Mail an debian-Listenbetreff-request@lists.debian.org zum Abonnieren.",
           "Jede Liste hat ein Thema."]
    found = [f for f in _check(usem3, src, tgt) if f.rule == "name-mismatch"]
    assert [(f.severity, f.src_ids) for f in found] == [("info", (0,))]
    assert "placeholder" in found[0].message


def test_names_inside_compounds_and_inflections_are_kept(usem3):
    src, tgt = _manual("Der Debian-Installer ist einfach zu benutzen.")
    assert not _serious(_check(usem3, src, tgt), "name-mismatch")


def test_a_missing_name_the_translator_keeps_is_a_warning(usem3):
    src, tgt = _manual("Der Installer ist einfach zu benutzen.")
    found = _serious(_check(usem3, src, tgt), "name-mismatch")
    assert [(f.severity, f.src_ids) for f in found] == [("warning", (4,))]


def test_a_transliterated_name_is_weaker_evidence(usem3):
    src = ["Debian runs on many computers.", "The Debian project makes Debian.",
           "Debian has many packages.", "You can install Debian from a disk."]
    tgt = ["Debian работает на многих компьютерах.", "Проект Debian делает Debian.",
           "В Debian много пакетов.", "Дебиан можно установить с диска."]
    found = [f for f in _check(usem3, src, tgt, tgt_lang="ru") if f.rule == "name-mismatch"]
    assert [(f.severity, f.src_ids) for f in found] == [("info", (3,))]
    assert "Дебиан" in found[0].message and "sound" in found[0].message


@pytest.mark.parametrize("text,lang,code", [
    ("по инициативе России", "ru", "RU"), ("auf Initiative Russlands", "de", "RU"),
    ("à l'initiative de la Chine", "fr", "CN"), ("ロシアの提案", "ja", "RU"), ("俄罗斯的倡议", "zh", "RU"),
])
def test_countries_in_every_language_and_inflection(text, lang, code):
    assert code in places(text, lang)


def test_a_country_swapped_for_another_is_an_error(usem3):
    src = ["Резолюция была принята по инициативе России."]
    found = _serious(_check(usem3, src, ["The resolution was adopted on the initiative of China."],
                            src_lang="ru", tgt_lang="en"), "name-mismatch")
    assert found and found[0].severity == "error" and found[0].evidence == ("России", "China")
    faithful = ["The resolution was adopted on the initiative of Russia."]
    assert not _serious(_check(usem3, src, faithful, src_lang="ru", tgt_lang="en"), "name-mismatch")


# --- numbers as references and in order ------------------------------------------------

@pytest.mark.parametrize("src,tgt", [
    ("See debdiff(1) for the details.", "Siehe debdiff(2) für die Einzelheiten."),
    ("^[4] This is the old format of the package.", "^[5] Das ist das alte Format des Pakets."),
    ("See Section 5.18, “Scripts”, for the details.", "Siehe Abschnitt 6.18, „Skripte“, für Einzelheiten."),
])
def test_a_renumbered_reference_is_an_error(usem3, src, tgt):
    found = _serious(_check(usem3, [src], [tgt]), "number-mismatch")
    assert found and found[0].severity == "error"


def test_references_one_side_leaves_out_are_not_compared(usem3):
    src = ["See debdiff(1) and Section 5.18, “Scripts”, for the details.[4]"]
    tgt = ["Siehe debdiff und den Abschnitt „Skripte“ für Einzelheiten."]
    assert not _serious(_check(usem3, src, tgt), "number-mismatch")


def test_a_range_of_years_ending_in_two_digits_is_the_years_in_full(usem3):
    from aligner.rules.numbers import digit_sequence
    assert digit_sequence("BIOSes of 1994-98 and the 2019–20 season", "en") == [1994, 1998, 2019, 2020]
    # a date, and an end that may be a month, stay as written
    assert digit_sequence("on 2005-06-01, in 2005-11", "en") == [2005, 6, 1, 2005, 11]
    src = ["Additionally, with pre 1994-98 BIOSes, there are limits to where on the drive the BIOS can boot from."]
    faithful = ["さらに、1994 年以前から 1998 年の間の BIOS には、ドライブのどの場所から起動できるかについても制限があります。"]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="ja"), "number-mismatch")
    changed = _serious(_check(usem3, src, [faithful[0].replace("1994", "1995")], tgt_lang="ja"), "number-mismatch")
    assert changed and "1994" in changed[0].message


def test_numbers_against_chinese_or_japanese_characters_are_read_whole(usem3):
    from aligner.rules.numbers import digit_sequence
    assert digit_sequence("新しい3.0 (quilt)の書式", "ja") == [3.0]
    assert digit_sequence("第2章では1,000円", "ja") == [2.0, 1000.0]
    assert digit_sequence("x86 and ac_uid16", "en") == []   # inside a Latin word: a name
    src = ["The newer 3.0 (quilt) source format records modifications in a quilt patch series."]
    assert not _serious(_check(usem3, src, ["新しい3.0 (quilt)の書式はquiltパッチによる変更を記録します。"], tgt_lang="ja"),
                        "number-mismatch")


def test_numbers_in_another_order_are_a_warning(usem3):
    src = ["For more than 90 packages the version has less than 10 characters."]
    swapped = ["Für mehr als 10 Pakete hat die Version weniger als 90 Zeichen."]
    found = _serious(_check(usem3, src, swapped), "number-mismatch")
    assert [f.severity for f in found] == ["warning"]
    same = ["Für mehr als 90 Pakete hat die Version weniger als 10 Zeichen."]
    assert not _serious(_check(usem3, src, same), "number-mismatch")


def test_a_headings_title_translated_freely_is_no_dropped_clause(usem3):
    # without its title the heading is its number alone, which reads "closer": no clause
    src = ["5.4.6. Reporting Installation Problems", "8.3. Further Reading and Information"]
    tgt = ["5.4.6. Informar de fallos", "8.3. Para saber más"]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="es"), "clause-omission")


def test_numbers_of_a_name_after_a_slash_move_with_it(usem3):
    # S/390 and PS/2 are names: "64bit IBM S/390" as "IBM S/390 64 bits" keeps its numbers
    src = ["│64bit IBM S/390│s390x│IPL from VM-reader and DASD│generic│"]
    tgt = ["│IBM S/390 64 bits│s390x│IPL avec lecteur de machine virtuelle│generic│"]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="fr"), "number-mismatch")


def test_one_in_words_against_another_number_in_words_is_a_note(usem3):
    # "more than one country" is "au moins deux pays"; two against three stays a warning
    src = ["If you selected a language that is official in more than one country, a list of them is shown."]
    tgt = ["Si vous avez choisi une langue officielle dans au moins deux pays, une liste de ces pays est affichée."]
    found = [f for f in _check(usem3, src, tgt, tgt_lang="fr") if f.rule == "number-mismatch"]
    assert [f.severity for f in found] == ["info"]
    tgt = ["Si vous avez choisi une langue officielle dans plus de trois pays, une liste de ces pays est affichée."]
    src = ["If you selected a language that is official in more than two countries, a list of them is shown."]
    assert [f.severity for f in _check(usem3, src, tgt, tgt_lang="fr") if f.rule == "number-mismatch"] == ["warning"]


def test_numbers_inside_a_file_name_move_with_it_and_are_not_out_of_order(usem3):
    # maint-guide: the translation names DebSrc3.0 at the end of the sentence
    src = ["See DebSrc3.0 for a summary on the switch to the new 3.0 (quilt) and 3.0 (native) source formats."]
    moved = ["Обзор перехода на новые форматы 3.0 (quilt) и 3.0 (native) смотрите в DebSrc3.0."]
    assert not _serious(_check(usem3, src, moved, tgt_lang="ru"), "number-mismatch")
    # a number against its unit is a number ("600MB-750MB" is "600-750 MB", "the 5th" is "am 5.")
    for src_text, tgt_text in (("This means you need 600MB-750MB for the root partition.",
                                "Das bedeutet, dass Sie 600-750 MB für die root-Partition brauchen."),
                               ("XYZ-3.8 is scheduled to reach testing on the 5th of July.",
                                "XYZ-3.8 soll laut Plan am 5. Juli Testing erreichen.")):
        assert not _serious(_check(usem3, [src_text], [tgt_text]), "number-mismatch")
    swapped = ["Das Passwort wird mit SHA-3 in 512 Runden gehasht."]
    assert _serious(_check(usem3, ["The password is hashed with SHA-512 in 3 rounds."], swapped), "number-mismatch")


@pytest.mark.parametrize("src, swapped", [
    ("│No desktop │256 megabytes│512 megabytes │4 gigabytes │", "│Senza desktop │512 megabyte│256 megabyte │4 gigabyte │"),
    ("vmlinuz vga=788 initrd=/install.amd/initrd.gz mem=512", "vmlinuz vga=512 initrd=/install.amd/initrd.gz mem=788"),
])
def test_numbers_in_another_order_in_a_table_row_or_a_command_line_are_a_warning(usem3, src, swapped):
    found = _serious(_check(usem3, [src], [swapped], tgt_lang="it"), "number-mismatch")
    assert [f.severity for f in found] == ["warning"]


def test_footnotes_renumbered_from_one_point_on_are_one_warning_and_a_changed_mark_an_error(usem3):
    src = [f"^[{n}] See the manual of tool number {n} in the package." for n in range(1, 8)]
    # the translation dropped footnote 3: every mark after it is one lower
    marks = [1, 2, 3, 3, 4, 5, 6]
    tgt = [f"^[{m}] Siehe das Handbuch des Werkzeugs Nummer {n} im Paket." for n, m in zip(range(1, 8), marks)]
    found = [f for f in _check(usem3, src, tgt) if f.rule == "number-mismatch"]
    assert [(f.severity, f.src_ids) for f in found] == [("warning", (3,))] + [("info", (k,)) for k in (4, 5, 6)]
    # one mark changed among marks kept is an error where it changed
    tgt[3] = "^[5] Siehe das Handbuch des Werkzeugs Nummer 4 im Paket."
    tgt[4:] = [f"^[{n}] Siehe das Handbuch des Werkzeugs Nummer {n} im Paket." for n in range(5, 8)]
    found = _serious(_check(usem3, src, tgt), "number-mismatch")
    assert [(f.severity, f.src_ids) for f in found] == [("error", (3,))]


# --- repetition ------------------------------------------------------------------------

def test_a_sentence_written_twice_is_an_error_at_its_source(usem3):
    src = ["Read the manual first.", "Then build the package with the tools."]
    tgt = ["Lesen Sie zuerst das Handbuch.", "Bauen Sie dann das Paket mit den Werkzeugen.",
           "Bauen Sie dann das Paket mit den Werkzeugen."]
    found = _serious(_check(usem3, src, tgt, links=[([0], [0]), ([1], [1]), ([], [2])]), "repeated-text")
    assert [(f.src_ids, f.severity) for f in found] == [((1,), "error")]


def test_a_clause_said_twice_in_one_sentence(usem3):
    src = ["The program builds the package and installs it in the system."]
    tgt = ["Das Programm baut das Paket und installiert es im System und installiert es im System."]
    found = _serious(_check(usem3, src, tgt), "repeated-text")
    assert found and "installiert es im System" in found[0].message


def test_parallel_structure_repeated_in_both_is_quiet(usem3):
    src = ["Add support for the dh_foo command and add support for the dh_bar command."]
    tgt = ["Unterstützung für den Befehl dh_foo und Unterstützung für den Befehl dh_bar hinzufügen."]
    assert not _serious(_check(usem3, src, tgt), "repeated-text")


# --- info that carries meaning -----------------------------------------------------------

def test_a_quoted_span_is_words_of_the_text_not_tokenizer_pieces():
    from aligner.text import whole_words

    # the encoder's vocabulary lacks 谚 and 諺: its span comes back with "<unk>"
    assert whole_words("有一句古罗马谚语说得好：一例胜千言！", "<unk>语说") == "谚语说"
    assert whole_words("もう一つの古いラテンの諺にもあるように、です。", "の<unk>に") == "の諺に"
    assert "<unk>" not in whole_words("Une phrase sans rapport.", "<unk>xyz")


# --- dropped clauses -----------------------------------------------------------------------

def test_a_dropped_clause_is_a_warning_quoting_it(usem3):
    src = ["The shell is a Bourne shell clone called ash, and it has nice features like autocompletion "
           "and a history of the commands you typed."]
    found = _check(usem3, src, ["Die Shell ist ein Bourne-Shell-Klon namens ash."])
    dropped = _serious(found, "clause-omission")
    assert dropped and "autocompletion" in dropped[0].message
    faithful = ["Die Shell ist ein Bourne-Shell-Klon namens ash, und sie hat nette Funktionen wie "
                "automatische Vervollständigung und eine Liste der eingegebenen Befehle."]
    assert not _serious(_check(usem3, src, faithful), "clause-omission")


_MANUAL_ES = [
    ("Each package has a maintainer who keeps it up to date.", "Cada paquete tiene un responsable que lo mantiene al día."),
    ("The build scripts live in the debian directory.", "Los guiones de construcción están en el directorio debian."),
    ("You can test the package with the lintian command.", "Puede comprobar el paquete con la orden lintian."),
    ("Upload the package only after you have tested it.", "Suba el paquete solo después de haberlo comprobado."),
    ("The changelog file records every change to the package.", "El fichero changelog registra cada cambio del paquete."),
    ("Most packages need only a few of these files.", "La mayoría de los paquetes solo necesitan algunos de estos ficheros."),
]


def test_a_clause_missing_from_a_translation_short_for_its_document_is_a_warning(usem3):
    # the encoder alone hardly flags it; short for this translation's own habit, it is a warning
    src = [s for s, _ in _MANUAL_ES] + [
        "If the package makes use of these non-trivial maintainer scripts, be sure to test not only for install "
        "but also for remove, purge, and upgrade processes."]
    short = [t for _, t in _MANUAL_ES] + ["Si el paquete utiliza estos guiones del desarrollador modificados o no triviales."]
    dropped = _serious(_check(usem3, src, short, tgt_lang="es"), "clause-omission")
    assert [f.src_ids for f in dropped] == [(6,)] and "short for this document" in dropped[0].message
    faithful = [t for _, t in _MANUAL_ES] + [
        "Si el paquete utiliza estos guiones no triviales, asegúrese de comprobar no solo la instalación sino "
        "también la eliminación, la purga y la actualización."]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="es"), "clause-omission")


def test_a_changed_unit_is_an_error_and_localised_spellings_are_the_same_unit(usem3):
    src = ["The installation needs at least 600MB of disk space."]
    found = _serious(_check(usem3, src, ["L'installation nécessite au moins 600 Go d'espace disque."], tgt_lang="fr"),
                     "number-mismatch")
    assert found and "unit MB in the source is GB" in found[0].message
    faithful = ["L'installation nécessite au moins 600 Mo d'espace disque."]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="fr"), "number-mismatch")


def test_chinese_numerals_inside_words_stand_for_digits_of_the_source(usem3):
    # 两种 "two kinds", 第二版 "second version": there is no space around a numeral to find it by
    for src, tgt in (("There are 2 ways to package it.", "这里有它的两种打包方式。"),
                     ("This document may be used under the GNU General Public License version 2.",
                      "本文档可在 GNU 通用公共许可证第二版的条款下使用。")):
        assert not _serious(_check(usem3, [src], [tgt], tgt_lang="zh"), "number-mismatch")
    assert _serious(_check(usem3, ["There are 2 ways to package it."], ["这里有它的三种打包方式。"], tgt_lang="zh"),
                    "number-mismatch")


def test_numbers_and_months_written_as_words_are_compared(usem3):
    src = ["A RAID6 array can survive up to two disk failures."]
    found = _serious(_check(usem3, src, ["Ein RAID6-Array kann den Ausfall von bis zu drei Festplatten überstehen."]),
                     "number-mismatch")
    assert found and found[0].evidence == ("two", "drei")
    faithful = ["Ein RAID6-Array kann den Ausfall von bis zu zwei Festplatten überstehen."]
    assert not _serious(_check(usem3, src, faithful), "number-mismatch")
    months = _serious(_check(usem3, ["The vote took place in July."], ["Le vote a eu lieu en juin."], tgt_lang="fr"),
                      "number-mismatch")
    assert months and months[0].severity == "error"


def test_ordinals_written_as_words_are_compared(usem3):
    # the Debian FAQ in French, "troisième" (third) written as "deuxième" (second)
    src = ["If the third field in /etc/apt/sources.list is 'testing' then you will be tracking testing even after "
           "a release is made."]
    tgt = ("Si le {} champ de /etc/apt/sources.list a pour valeur « testing », alors vous utiliserez testing même "
           "après la prochaine publication.")
    found = _serious(_check(usem3, src, [tgt.format("deuxième")], tgt_lang="fr"), "number-mismatch")
    assert found and found[0].evidence == ("third", "deuxième")
    assert not _serious(_check(usem3, src, [tgt.format("troisième")], tgt_lang="fr"), "number-mismatch")
    # stems that are words of their own are not read as ordinals: Italian "non" (of "nono",
    # ninth) beside "any third party", which the GPL's translation renders "chiunque"
    src = ["Accompany it with a written offer, valid for at least three years, to give any third party, for a "
           "charge no more than your cost of physically performing source distribution, a complete copy."]
    tgt = ["Il Programma sia accompagnato da un'offerta scritta, valida per almeno tre anni, di fornire a chiunque "
           "ne faccia richiesta una copia completa, in cambio di un compenso non superiore al costo del "
           "trasferimento fisico di tale copia."]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="it"), "number-mismatch")


def test_two_names_trading_places_is_a_warning_but_a_reordered_list_is_not(usem3):
    src = ["Debian has formally asked Ubuntu to package the new release of the installer."]
    swapped = _check(usem3, src, ["Ubuntu a officiellement demandé à Debian d'empaqueter la nouvelle version de "
                                  "l'installateur."],
                     tgt_lang="fr")
    found = _serious(swapped, "name-order")
    assert found and found[0].evidence == ("Debian", "Ubuntu")
    faithful = ["Debian a officiellement demandé à Ubuntu d'empaqueter la nouvelle version de l'installateur."]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="fr"), "name-order")
    # names in a list or one phrase may come in any order
    listed = _check(usem3, ["It runs on Debian and Ubuntu with the same installer."],
                    ["Il fonctionne sur Ubuntu et Debian avec le même installateur."], tgt_lang="fr")
    assert not _serious(listed, "name-order")
    # in Japanese the names' order follows the grammar
    assert not _serious(_check(usem3, src, ["Ubuntu に Debian が新しいインストーラーのパッケージを正式に依頼しました。"],
                               tgt_lang="ja"), "name-order")


def test_the_words_of_a_kept_name_in_another_order_are_a_warning_but_a_habit_is_not(usem3):
    src = ["Read the Debian Policy Manual first.", "The Debian Policy Manual lists the rules.",
           "The Debian Policy Manual is long.", "Debian GNU/Linux runs here.", "Debian GNU/Linux is free.",
           "Debian GNU/Linux is stable.", "See the Debian Policy Manual and Debian GNU/Linux."]
    tgt = ["Lesen Sie zuerst das Debian Policy Manual.", "Das Debian Policy Manual nennt die Regeln.",
           "Das Debian Policy Manual ist lang.", "Debian GNU/ Linux läuft hier.", "Debian GNU/Linux ist frei.",
           "Debian GNU/Linux ist stabil.", "Siehe das Policy Debian Manual und Debian Linux/GNU."]
    found = _serious(_check(usem3, src, tgt), "name-order")
    assert sorted(f.evidence for f in found) == [("Debian GNU/Linux", "Debian Linux/GNU"),
                                                 ("Debian Policy Manual", "Policy Debian Manual")]
    assert all(f.src_ids == (6,) for f in found)   # "GNU/ Linux" of a wrapped line is the name as written
    # a translator who writes "FAQ Debian" throughout has a habit, not a swap
    habit = _check(usem3, ["Read the Debian FAQ.", "The Debian FAQ helps.", "See the Debian FAQ again."],
                   ["Lisez la FAQ Debian.", "La FAQ Debian aide.", "Voyez encore la FAQ Debian."], tgt_lang="fr")
    assert not _serious(habit, "name-order")


def test_names_side_by_side_in_the_reverse_order_or_in_each_others_place_are_a_warning(usem3):
    src = ["* Debian Bug report logs: Bugs in pseudo-package wnpp in unstable"]
    turned = _serious(_check(usem3, src, ["* Bug Debian report logs: Bugs in pseudo-package wnpp 位于 unstable"],
                             tgt_lang="zh"), "name-order")
    assert turned and turned[0].evidence == ("Debian", "Bug")
    assert not _serious(_check(usem3, src, ["* Debian Bug report logs: Bugs in pseudo-package wnpp 位于 unstable"],
                               tgt_lang="zh"), "name-order")
    wiki = ["Debian wiki Alioth documents how to use the alioth.debian.org service."]
    assert _serious(_check(usem3, wiki, ["В вики Alioth Debian описано, как использовать службу alioth.debian.org."],
                           tgt_lang="ru"), "name-order")
    assert not _serious(_check(usem3, wiki, ["В вики Debian Alioth описано, как использовать службу "
                                             "alioth.debian.org."], tgt_lang="ru"), "name-order")
    # the grammar turns a possessive round; French puts the name after its noun
    assert not _serious(_check(usem3, ["How does Debian compare with the Free Software Foundation's GNU project?"],
                               ["Как соотносятся проект Debian и проект GNU Free Software Foundation?"],
                               tgt_lang="ru"), "name-order")
    assert not _serious(_check(usem3, ["See the Linux BootPrompt HOWTO."], ["Consultez le HOWTO Linux BootPrompt."],
                               tgt_lang="fr"), "name-order")
    # two field names far apart trade places: "Suggests: file" becomes "Depends: file"
    fields = ["We can leave the Depends field as it is and add a line saying Suggests: file after it."]
    moved = _serious(_check(usem3, fields, ["我们可以让 Suggests 项保持现状，并在其后添加一行 Depends: file。"],
                            tgt_lang="zh"), "name-order")
    assert moved and moved[0].evidence == ("Suggests", "Depends", "file")
    assert not _serious(_check(usem3, fields, ["我们可以让 Depends 项保持现状，并在其后添加一行 Suggests: file。"],
                               tgt_lang="zh"), "name-order")


def test_a_name_written_in_the_next_sentence_where_the_editions_divide_sentences_differently_is_a_note(usem3):
    keeps = (["Each URL is checked first.", "The URL is then downloaded."],
             ["Сначала проверяется каждый URL.", "Затем URL загружается."])  # the translator keeps "URL"
    src = keeps[0] + ["When the watch file has a URL matching the Perl regexp ^http://sf\\.",
                      "net/, uscan replaces it."]
    tgt = keeps[1] + ["Если файл watch содержит совпадающий с регулярным выражением Perl ^http://sf\\.",
                      "net/ URL, то uscan заменяет его."]
    found = [f for f in _check(usem3, src, tgt, tgt_lang="ru") if f.rule == "name-mismatch"]
    assert found and all(f.severity == "info" for f in found)
    # left out of both sentences, it is missing
    tgt[3] = "net/, то uscan заменяет его."
    assert _serious(_check(usem3, src, tgt, tgt_lang="ru"), "name-mismatch")


def test_a_rare_name_replaced_is_an_error_where_only_its_absence_says_little(usem3):
    # the translator keeps three names in four: leaving one more out tells little,
    # writing another name in its place does (FireWire as Thunderbolt)
    src = ["The installer supports Debian and Ubuntu.", "It also reads Fedora and Gentoo media.",
           "Work on Mageia and Slackware continues.", "Disks on USB and FireWire are detected."]
    tgt = ["L'installateur prend en charge Debian et Ubuntu.", "Il lit aussi les supports Fedora et Gentoo.",
           "Le travail sur les distributions de Mageia se poursuit.", "Les disques USB et Thunderbolt sont détectés."]
    found = _serious(_check(usem3, src, tgt, tgt_lang="fr"), "name-mismatch")
    assert [f.evidence for f in found] == [("FireWire", "Thunderbolt")]


def test_an_acronym_written_in_small_letters_is_kept(usem3):
    # maint-guide's Chinese edition: "ELF object files" is "elf 对象文件"
    src = ["Shared libraries are ELF object files containing compiled code.", "ELF is the format of Linux programs.",
           "Each ELF file has a header."]
    tgt = ["共享库均为 elf 对象文件，其包含编译好的机器码。", "ELF 是 Linux 程序的格式。", "每个 ELF 文件都有一个头部。"]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="zh"), "name-mismatch")
    tgt[0] = "共享库均为对象文件，其包含编译好的机器码。"
    assert _serious(_check(usem3, src, tgt, tgt_lang="zh"), "name-mismatch")


# --- dropped list items ----------------------------------------------------------------

@pytest.mark.parametrize("lang,text,items", [
    ("en", "Others include dpatch, dbs, and cdbs.", ["dpatch", "dbs", "cdbs"]),
    ("en", "Line 1 is the package name, version, distribution, and urgency.",
     ["name", "version", "distribution", "urgency"]),
    ("de", "Die wichtigsten sind control, changelog, copyright und rules.", ["control", "changelog", "copyright", "rules"]),
    ("fr", "Les plus importants sont control, changelog, copyright et rules.", ["control", "changelog", "copyright", "rules"]),
    ("zh", "这个文件包含dpkg、dselect、apt-get和其他工具。", ["dpkg", "dselect", "apt-get", "其他工具"]),
    # a dot inside a word is the item's own; the list ends at its first closing word
    ("en", "Usually there are files named README*, INSTALL*, *.lsm or *.html.", ["README*", "INSTALL*", "*.lsm", "*.html"]),
    ("en", "It looks for the first target out of distclean, realclean, or clean, and executes that.",
     ["distclean", "realclean", "clean"]),
    # a piece too long for an item is the clause before the list
    ("en", "It is known as the GNU Autotools, whose most important components are Autoconf, Automake, Libtool, "
           "and gettext.", ["Autoconf", "Automake", "Libtool", "gettext"]),
])
def test_the_items_of_a_list_are_read_in_each_language(lang, text, items):
    from aligner.rules.lists import enumeration
    found = enumeration(text, lang)
    assert found is not None and [text[a:b].strip() for a, b in found.items] == items


def test_a_sentence_with_commas_is_no_list():
    from aligner.rules.lists import MIN_COMMAS, enumeration
    # one comma before "and": an opening phrase, not a list of three
    assert enumeration("For example, debian/rules build and fakeroot make run.", "en").commas < MIN_COMMAS
    assert enumeration("The package builds cleanly.", "en") is None


def test_a_code_word_dropped_from_a_list_is_a_warning(usem3):
    src = ["Autotools is the GNU build system comprising Autoconf, Automake, Libtool, and gettext."]
    dropped = _serious(_check(usem3, src, ["Autotools 是 GNU 构建系统，包含Autoconf、Libtool 和 gettext。"], tgt_lang="zh"),
                       "list-item-omission")
    assert dropped and dropped[0].evidence == ("Automake",)
    faithful = ["Autotools 是 GNU 构建系统，包含Autoconf、Automake、Libtool 和 gettext。"]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="zh"), "list-item-omission")


def test_a_code_word_dropped_from_a_short_list_or_from_a_list_counted_alike_is_a_warning(usem3):
    # "HTML, PS and PDF": one comma, but a list of code words is one
    src = ["This usually includes HTML, PS and PDF files, shipped in /usr/share/doc/packagename/."]
    dropped = _serious(_check(usem3, src, ["Cela inclut normalement les fichiers HTML et PDF, inclus dans "
                                           "/usr/share/doc/nomdepaquet/."], tgt_lang="fr"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("PS",)
    # the translation's list is as long as the source's: it takes in a word before it
    src = ["Autotools is the GNU build system comprising Autoconf, Automake, aclocal.m4, and gettext."]
    dropped = _serious(_check(usem3, src, ["Autotools — это система сборки GNU, Autoconf, Automake и gettext."],
                              tgt_lang="ru"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("aclocal.m4",)
    faithful = ["Autotools — это система сборки GNU, включающая Autoconf, Automake, aclocal.m4 и gettext."]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="ru"), "list-item-omission")
    # a capitalised name, beside three words kept as written
    src = ["Autotools is the GNU build system comprising Autoconf, Automake, Libtool, and gettext."]
    dropped = _serious(_check(usem3, src, ["Autotools ist das GNU-Buildsystem, Automake, Libtool und gettext "
                                           "besteht."], tgt_lang="de"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("Autoconf",)
    # a capitalised word beside two is translated as often as not
    src = ["Expert, Rescue, and Automated installation choices are also available with accessibility support."]
    tgt = ["Expert モード、Rescue モード、自動化インストールの選択はアクセシビリティのサポートも利用できます。"]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="ja"), "list-item-omission")


def test_a_code_word_dropped_among_plain_words_kept_as_written_is_a_warning(usem3):
    # the Debian New Maintainers' Guide, French, with "apt-cache" taken out
    src = ["This file contains various values which dpkg, dselect, apt-get, apt-cache, aptitude, and other package "
           "management tools will use to manage the package."]
    tgt = ("Ce fichier contient plusieurs valeurs utilisées par dpkg, dselect , apt-get, {}aptitude et d'autres "
           "outils de gestion de paquets pour gérer le paquet.")
    dropped = _serious(_check(usem3, src, [tgt.format("")], tgt_lang="fr"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("apt-cache",)
    assert not _serious(_check(usem3, src, [tgt.format("apt-cache, ")], tgt_lang="fr"), "list-item-omission")


def test_a_code_word_the_translation_breaks_with_a_space_is_not_missing(usem3):
    # Debian's Russian maint-guide writes "foo .dsc"; a man page's line end breaks a long name
    src = ["Run it where the foo.orig.tar.gz, foo.debian.tar.gz, and foo.dsc files are."]
    tgt = ["Запустите его там, где лежат файлы foo.orig.tar.gz, foo.debian.tar.gz и foo .dsc."]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="ru"), "list-item-omission")
    # the capitalised words of a title are translated, not kept as written
    src = ["TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION"]
    tgt = ["Conditions de copie, distribution et modification de la Licence Publique Générale GNU."]
    assert not _serious(_check(usem3, src, tgt, tgt_lang="fr"), "list-item-omission")


def test_a_plain_word_the_translation_keeps_for_the_rest_of_its_list_is_missed_alone(usem3):
    src = ["These postinst, preinst, postrm, and prerm files are called maintainer scripts.",
           "All maintainer scripts (that is, preinst, prerm, postinst, and postrm files) are hard to write."]
    dropped = _serious(_check(usem3, src[:1], ["Los archivos postinst, postrm y prerm se denominan guiones del "
                                               "desarrollador."], tgt_lang="es"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("preinst",)
    # the list's first item is "is" as read ("that is, preinst"): a word at a bound of the
    # list is not compared, only those inside it
    faithful = ["Todos los guiones del desarrollador (los archivos preinst, prerm, postinst y postrm) son "
                "difíciles de escribir."]
    assert not _serious(_check(usem3, src[1:], faithful, tgt_lang="es"), "list-item-omission")


def test_a_word_dropped_from_a_list_is_a_warning(usem3):
    src = ["This format is used by dpkg and other programs to obtain the version number, revision, "
           "distribution, and urgency of your package."]
    faithful = ["Ce format est utilisé par dpkg et d'autres programmes pour obtenir le numéro de version, la "
                "révision, la distribution et l'urgence de votre paquet."]
    assert not _serious(_check(usem3, src, faithful, tgt_lang="fr"), "list-item-omission")
    dropped = _serious(_check(usem3, src, [faithful[0].replace("la révision, ", "")], tgt_lang="fr"),
                       "list-item-omission")
    assert dropped and dropped[0].evidence == ("revision",)


def test_a_plain_word_dropped_from_a_long_sentence_is_found_by_its_words(usem3):
    # the Portuguese installation guide with "scripts" taken out: one word of forty barely
    # moves the sentence, but no run of the translation's words reads like it any more
    src = ["Each package in the distribution contains executables, scripts, documentation, and configuration "
           "information, and has a maintainer who is primarily responsible for keeping the package up-to-date, "
           "tracking bug reports, and communicating with the upstream author(s) of the packaged software."]
    faithful = ("Cada pacote da distribuição contém executáveis, scripts, documentação, e informação de configuração, "
                "e tem um maintainer que é o primeiro responsável por manter o pacote atualizado, seguir relatórios "
                "de bugs, e comunicar com o(s) autor(es) do software empacotado.")
    assert not _serious(_check(usem3, src, [faithful], tgt_lang="pt"), "list-item-omission")
    dropped = _serious(_check(usem3, src, [faithful.replace("scripts, ", "")], tgt_lang="pt"), "list-item-omission")
    assert dropped and dropped[0].evidence == ("scripts",)
    assert "no run of its words reads like it" in dropped[0].message


@pytest.mark.parametrize("tgt_lang,faithful,changed", [
    ("fr", "Debian propose une douzaine d'interpréteurs de commandes.",
     "Debian propose une vingtaine d'interpréteurs de commandes."),
    ("de", "Debian bietet ein Dutzend Kommandozeilen-Shells.", "Debian bietet zwanzig Kommandozeilen-Shells."),
    ("ru", "Debian предлагает дюжину командных оболочек.", "Debian предлагает сотню командных оболочек."),
])
def test_a_noun_that_names_a_number_is_compared_as_that_number(usem3, tgt_lang, faithful, changed):
    # "a dozen" is 12: "une vingtaine" (20), "zwanzig" and "сотню" (100) say another number
    src = ["Debian offers a dozen command line shells."]
    assert not _serious(_check(usem3, src, [faithful], tgt_lang=tgt_lang), "number-mismatch")
    found = _serious(_check(usem3, src, [changed], tgt_lang=tgt_lang), "number-mismatch")
    assert found and "12" in found[0].message


def test_round_numbers_near_each_other_are_a_note(usem3):
    # "a dozen other systems" as "десятке других архитектур": both round, about the same
    src = ["Today Linux also runs on a dozen of other systems."]
    tgt = ["Сейчас Linux может работать и на десятке других архитектур."]
    found = [f for f in _check(usem3, src, tgt, tgt_lang="ru") if f.rule == "number-mismatch"]
    assert [f.severity for f in found] == ["info"]
