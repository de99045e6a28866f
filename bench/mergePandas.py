"""The pandas + openpyxl side of bench/mergeBench.ts: a plain concat of every .xlsx in a folder into one sheet.

Usage: python3 bench/mergePandas.py <folder> <out.xlsx>
Prints {"ms": ..., "rows": ..., "maxRssKb": ...} on its last line; the time is the work after the imports.
"""
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd

# Label, title, 填报单位 line and the two header rows above the data of an 附件2.
HEADER_ROWS = 5


def main() -> None:
    folder, out = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    frames = [
        pd.read_excel(path, header=None, skiprows=HEADER_ROWS, engine='openpyxl')
        for path in sorted(Path(folder).glob('*.xlsx'))
    ]
    combined = pd.concat(frames, ignore_index=True)
    combined.to_excel(out, index=False, header=False, engine='openpyxl')
    ms = (time.perf_counter() - started) * 1000
    max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({'ms': ms, 'rows': len(combined), 'maxRssKb': max_rss_kb}))


if __name__ == '__main__':
    main()
