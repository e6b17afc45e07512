"""Ray Data on a real local cluster: a head node and a worker node started with `ray start` on
loopback (as on a cluster, not `ray.init()` in the test's own process), `map_batches` with
`bitext.ray.Align` actors on both, results as `bitext.arrow.align` gives them."""

import os
import shutil
import socket
import subprocess
import sys

import pytest

pa = pytest.importorskip("pyarrow")
ray = pytest.importorskip("ray")

import bitext.arrow  # noqa: E402
import bitext.ray  # noqa: E402


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    # The ray of this Python (a virtual environment's), else the one on the PATH.
    ray_cmd = os.path.join(os.path.dirname(sys.executable), "ray")
    if not os.path.exists(ray_cmd):
        ray_cmd = shutil.which("ray")
    if not ray_cmd:
        pytest.skip("the ray command is not installed")

    def start(*args):
        r = subprocess.run([ray_cmd, "start", *args], env=env, capture_output=True, text=True, timeout=180)
        assert r.returncode == 0, f"ray start {' '.join(args)} failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"

    temp = str(tmp_path_factory.mktemp("ray"))
    # A cluster of its own: no token or session that another Ray on the machine left in ~/.ray.
    home = str(tmp_path_factory.mktemp("home"))
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1", "HOME": home}
    saved_home = os.environ.get("HOME")
    os.environ["HOME"] = home
    port = _free_port()
    address = f"127.0.0.1:{port}"
    common = ["--node-ip-address=127.0.0.1", "--num-cpus=2", "--disable-usage-stats"]
    try:
        start("--head", f"--port={port}", "--include-dashboard=false", f"--temp-dir={temp}", *common)
        start(f"--address={address}", *common)
        ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
        yield address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        subprocess.run([ray_cmd, "stop", "--force"], env=env, capture_output=True, timeout=180)
        if saved_home is not None:
            os.environ["HOME"] = saved_home


def test_two_nodes_align_as_the_library_does(cluster, pairs, tmp_path):
    alive = [n for n in ray.nodes() if n["Alive"]]
    assert len(alive) == 2, alive
    rows = []
    for k in range(25):
        for name, zh, en in pairs:
            rows.append({"doc_id": f"{name}-{k}", "zh": zh.read_text(encoding="utf-8"),
                         "en": en.read_text(encoding="utf-8")})
    table = pa.Table.from_pylist(rows)
    # Eight blocks, as eight Parquet files would give.
    step = -(-table.num_rows // 8)
    ds = ray.data.from_arrow([table.slice(k, step) for k in range(0, table.num_rows, step)])
    beads = ds.map_batches(bitext.ray.Align, batch_format="pyarrow", batch_size=10, concurrency=2,
                           fn_constructor_kwargs={"presegmented": False})
    out = tmp_path / "beads"
    beads.write_parquet(str(out))
    import pyarrow.parquet as pq

    got = pq.read_table(str(out)).to_pylist()
    want = bitext.arrow.align(table).to_pylist()
    key = lambda r: (r["doc_id"], r["zh_ids"], r["en_ids"])  # noqa: E731
    assert sorted(got, key=key) == sorted(want, key=key)
    assert all(r["error"] is None for r in got)


def test_checks_run_on_the_cluster(cluster, root):
    table = pa.table({"doc_id": ["a", "b"], "en": ["Many flag counties here.", "Nothing wrong here."]})
    ds = ray.data.from_arrow(table)
    found = ds.map_batches(bitext.ray.Check, batch_format="pyarrow", concurrency=1,
                           fn_constructor_kwargs={"glossary": str(root / "glossary")}).take_all()
    assert [(r["doc_id"], r["rule"], r["found"]) for r in found] == [("a", "deprecated-term", "flag counties")]
