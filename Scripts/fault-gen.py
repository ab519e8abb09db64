#!/usr/bin/env python3
"""Usage: fault-gen.py DIR MUNICIPALITY SCHOOLS YEARS [FIRST_YEAR]. Files for Scripts/fault-kill.sh: N schools of a municipality and their ВПР (years × 2 subjects × 4 grades)."""
import sys
out, muni, n, years = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
first = int(sys.argv[5]) if len(sys.argv) > 5 else 2030
with open(out + "/fk-schools.csv", "w", encoding="utf-8") as f:
    f.write("Код школы;Код муниципалитета;Полное наименование;Краткое наименование;Вид;Организационно-правовая форма;Логин ФИС ОКО\n")
    for i in range(n):
        f.write(f"FK{i:05d};{muni};Муниципальное бюджетное общеобразовательное учреждение СОШ сбоя № {i};МБОУ СОШ сбоя № {i};СОШ;МБОУ;edu{900000 + i}\n")
rows = 0
with open(out + "/fk-vpr.csv", "w", encoding="utf-8") as f:
    f.write("school_code;year;subject;grade;participants;mark2;mark3;mark4;mark5\n")
    for i in range(n):
        for y in range(first, first + years):
            for s in ("russian", "math"):
                for g in (5, 6, 7, 8):
                    p = 20 + (i * 7 + y + g) % 60
                    two, five = p // 10, p // 5
                    four = (p - two - five) // 2
                    f.write(f"edu{900000 + i};{y};{s};{g};{p};{two};{p - two - four - five};{four};{five}\n")
                    rows += 1
print(rows)
