"""The issue's point of comparison: pandas reads the two benchmark CSV files and computes
both indicators for one year (float arithmetic, default rules: D <= 0 on indicator 1,
delta of the share of "2" > 30 p.p. on indicator 2; the regional references the benchmark stores).
Usage: python pandas_reference.py DATA_DIR [YEAR]"""
import sys, time
import pandas as pd

d = sys.argv[1]
Y = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
t = time.time()
v = pd.read_csv(d + "/bench-vpr.csv", sep=";")
e = pd.read_csv(d + "/bench-ege.csv", sep=";")
read = time.time() - t
ref = {"russian": 73.9, "math_profile": 59.9}
e = e[e.year.isin([Y - 1, Y])].copy()
e["r"] = e.average_score / e.subject.map(ref)
p = e.pivot_table(index=["school_code", "subject"], columns="year", values="r")
D = p[Y] - p[Y - 1]
neg1 = set(D[D <= 0].index.get_level_values(0))
v = v[v.year.isin([Y - 1, Y])].copy()
v["s2"] = v.mark2 * 100 / v.participants
q = v.pivot_table(index=["school_code", "subject", "grade"], columns="year", values="s2")
d2 = q[Y] - q[Y - 1]
neg2 = set(d2[d2 > 30].index.get_level_values(0))
total = time.time() - t
print(f"pandas {pd.__version__}: schools in the summary {len(neg1 | neg2)}; reading {read:.3f} s, total {total:.3f} s")
