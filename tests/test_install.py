"""A regular install (a wheel, not the editable checkout) works from any folder: the rules
travel inside the package and are found through importlib.resources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS


@pytest.mark.slow
def test_an_installed_wheel_extracts_the_seeds_from_an_unrelated_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("press_extract-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies come from this environment; the project itself only from the wheel
    Path(site, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)], capture_output=True, text=True, check=False)
    if installed.returncode != 0 and "no such option: --python" in installed.stderr:
        pytest.skip("this pip cannot install into another environment")
    assert installed.returncode == 0, installed.stderr
    work = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, work / "seeds")
    where = subprocess.run(
        [str(python), "-c", "import pipeline, pipeline.core.settings as s; print(pipeline.__file__); print(s.DEFAULT_PATTERNS_DIR)"], capture_output=True, text=True, check=True, cwd=work
    ).stdout.split()
    assert where[0].startswith(site) and where[1].startswith(site) and where[1].endswith("patterns_data")
    for mode in (["--no-model"], []):  # rules only, then with the model
        out, checkout = f"out{len(mode)}", tmp_path / f"checkout-out{len(mode)}"
        result = subprocess.run([str(venv / "bin" / "press-extract"), "extract", "seeds", "-o", out, "-q", *mode], capture_output=True, text=True, check=False, cwd=work)
        assert result.returncode == 0, result.stderr
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(work / "seeds"), "-o", str(checkout), "-q", *mode], check=True, cwd=ROOT)
        assert (work / out / "mentions.csv").read_bytes() == (checkout / "mentions.csv").read_bytes()
        assert len((checkout / "mentions.csv").read_text(encoding="utf-8").splitlines()) > 100
    # the benchmark's data travels too
    corpus = subprocess.run([str(python), "-c", "from pipeline.bench.corpus import PLACES, MONTHS; print(len(PLACES), MONTHS[0])"], capture_output=True, text=True, check=False, cwd=work)
    assert corpus.stdout.split() == ["25", "January"], corpus.stderr
