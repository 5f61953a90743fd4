// The io card's Python for the http source: the same downloads as `cplay io --source http`, from
// cplay serve's GET /api/payload, one after another and then with a thread per download. Run as
// shown under python3 against a local server by tests/web/web-io-http-python.test.ts.
export const IO_HTTP_PYTHON = `import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PORT = 8080          # cplay serve's port
TASKS = 3
LATENCY_MS = 1000    # the server answers after this
BYTES = 16384        # with a body of this many bytes
URL = f"http://127.0.0.1:{PORT}/api/payload?latency_ms={LATENCY_MS}&bytes={BYTES}"

def download(i: int) -> int:
    with urllib.request.urlopen(URL, timeout=30) as response:   # a blocking socket:
        body = response.read()                                 # the thread waits here
    expected = bytes(ord("a") + k % 26 for k in range(BYTES))  # the server's pattern
    assert body == expected, f"task {i}: {len(body)} bytes, not the {BYTES} expected"
    return len(body)

start = time.perf_counter()
sizes = [download(i) for i in range(TASKS)]                     # one after another
print(f"sequential: {sum(sizes)} bytes in {time.perf_counter() - start:.2f} s")   # about TASKS x latency

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=TASKS) as pool:              # a thread per download
    sizes = list(pool.map(download, range(TASKS)))               # waits overlap: the GIL is let go
print(f"threads: {sum(sizes)} bytes in {time.perf_counter() - start:.2f} s")      # about one latency`;
