"""The built wheel carries what the package reads at run time: model cards and templates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_model_card_and_loads_them(tmp_path):
    source = tmp_path / "src"
    for name in ("aligner", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "dist"), str(source)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("aligner-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)

    expected = sorted(p.name for p in (ROOT / "models").glob("*.json"))
    code = (
        "import json, aligner\n"
        "from aligner.encoders import load_encoder\n"
        "from aligner.encoders.cards import cards\n"
        "from aligner.api import alignment_params, divergence_model\n"
        "usem3 = load_encoder('usem3')\n"
        "print(json.dumps({'file': aligner.__file__, 'cards': [c['name'] for c in cards()],\n"
        "  'labse': load_encoder('sentence-transformers/LaBSE').card.get('name'),\n"
        "  'threshold': divergence_model(usem3).threshold,\n"
        "  'skip': alignment_params(usem3).skip}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ALIGNER_MODELS"}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    seen = json.loads(out.stdout)
    assert Path(seen["file"]).is_relative_to(site)  # the wheel's copy, not the checkout
    names = [json.loads((ROOT / "models" / f).read_text(encoding="utf-8"))["name"] for f in expected]
    assert sorted(seen["cards"]) == sorted(names)
    assert seen["labse"] == "LaBSE"
    card = json.loads((ROOT / "models" / "usem3.json").read_text(encoding="utf-8"))["calibration"]
    assert seen["threshold"] == card["divergence"]["threshold"]
    assert seen["skip"] == card["align"]["skip"]
    templates = sorted(p.name for p in (ROOT / "aligner" / "formats" / "templates").glob("*.j2"))
    assert templates and all((site / "aligner" / "formats" / "templates" / t).is_file() for t in templates)
    # every package of the source tree is in the wheel (an editable install would
    # find a missing one in the checkout and hide it)
    packages = sorted(str(p.parent.relative_to(ROOT)) for p in (ROOT / "aligner").rglob("__init__.py")
                      if "__pycache__" not in p.parts)
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert [p for p in packages if f"{p}/__init__.py" not in shipped] == []
