#!/usr/bin/env python3
"""Files that grow the demo's Armavir into a large municipality, loaded through the product's own
imports (`opora import …`): 300 schools, 5,000 teachers, 3 years of ЕГЭ and ВПР results, mentors
and tutors assigned by order, a year of work logs, deficits with routes, and plans.

usage: Scripts/load/grow.py OUT_DIR   (then Scripts/load/grow.sh loads them)
Deterministic (seeded), so two runs give the same database."""
import csv, os, random, sys, datetime as dt

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/opora-grow"
os.makedirs(out, exist_ok=True)
rnd = random.Random(20261202)
M = "armavir"
SCHOOLS, TEACHERS, MENTORS, TUTORS = 300, 5000, 40, 150
YEARS = [2024, 2025, 2026]

def write(name, rows):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerows(rows)

LAST = ["Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Волкова", "Морозова", "Новикова", "Фёдорова",
        "Иванов", "Петров", "Соколов", "Лебедев", "Козлов"]
FIRST = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Сергей", "Андрей"]
MIDDLE = ["Сергеевна", "Петровна", "Ивановна", "Андреевна", "Викторовна", "Олеговна"]
SUBJECTS = ["Русский язык", "Математика", "История", "Физика", "Биология", "Английский язык", "Химия", "Обществознание"]

schools = [f"23-ARM-L{i:03d}" for i in range(1, SCHOOLS + 1)]
low = set(schools[:60])  # ШНОР of the last year
rows = [["Код школы", "Код муниципалитета", "Полное наименование", "Краткое наименование", "Вид", "Организационно-правовая форма",
         "Директор", "Адрес", "Телефон", "Эл. почта", "Логин ФИС ОКО", "Код ОО (РИС ГИА)", "Год", "ШНОР", "ШССУ", "500+",
         "Риск необъективности", "Приказ о статусе"]]
for i, c in enumerate(schools, 1):
    rows.append([c, M, f"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {100 + i}» (нагрузочная)",
                 f"МБОУ СОШ № {100 + i}", "СОШ", "МБОУ", f"{rnd.choice(LAST)} {rnd.choice(FIRST)} {rnd.choice(MIDDLE)}",
                 f"352900, г. Армавир, ул. Нагрузочная, {i}", f"8 (86137) 4-{i:02d}-00", f"l{i}@arm.example", f"edu239{i:03d}", f"9{i:03d}",
                 "2025/2026", "да" if c in low else "нет", "да" if i % 7 == 0 else "нет", "нет", "нет", "№ 200 от 01.09.2025"])
write("schools.csv", rows)

staff = [["Код сотрудника", "Фамилия", "Имя", "Отчество", "Код школы", "Код муниципалитета", "Должность", "Роли", "Предметы",
          "Квалификационная категория", "Углублённое обучение", "Эл. почта", "Телефон"]]
teachers = []
for t in range(TEACHERS):
    s = schools[t % SCHOOLS]
    code = f"L{t // SCHOOLS:02d}-{s[-3:]}"
    teachers.append((code, s))
    subj = SUBJECTS[t % len(SUBJECTS)]
    staff.append([code, rnd.choice(LAST), rnd.choice(FIRST), rnd.choice(MIDDLE), s, M, f"учитель ({subj.lower()})", "учитель", subj,
                  rnd.choice(["высшая", "первая", ""]), "нет", "", ""])
mentors = [f"LM-{i:03d}" for i in range(MENTORS)]
tutors = [f"LT-{i:03d}" for i in range(TUTORS)]
for code in mentors:
    staff.append([code, rnd.choice(LAST), rnd.choice(FIRST), rnd.choice(MIDDLE), "центр", M, "методист", "наставник", "", "высшая", "нет", "", ""])
for i, code in enumerate(tutors):
    staff.append([code, rnd.choice(LAST), rnd.choice(FIRST), rnd.choice(MIDDLE), schools[(i * 2) % SCHOOLS], M, "учитель", "учитель, тьютор",
                  SUBJECTS[i % len(SUBJECTS)], "высшая", "нет", "", ""])
write("staff.csv", staff)

vpr = [["Код школы", "Год", "Предмет", "Класс", "Число участников", "Отметка «2»", "Отметка «3»", "Отметка «4»", "Отметка «5»"]]
ege = [["Код школы", "Год", "Предмет", "Число участников", "Средний балл", "Стандартное отклонение", "Не преодолели минимальный порог",
        "Высокобалльники (80–100)"]]
for y in YEARS:
    for i, s in enumerate(schools):
        for subj in ["Русский язык", "Математика"]:
            for g in [4, 5, 6, 7, 8]:
                n = rnd.randint(30, 110)
                w = [rnd.random() * (2 if s in low else 1), rnd.random() * 4 + 2, rnd.random() * 3 + 1, rnd.random() * 1.5]
                k = [int(n * x / sum(w)) for x in w]; k[1] += n - sum(k)
                vpr.append([f"edu239{i + 1:03d}", y, subj, g, n] + k)
        for subj in ["Русский язык", "Математика (профильный уровень)", "Обществознание", "Физика", "Биология", "История"]:
            n = rnd.randint(5, 60)
            mean = rnd.uniform(45, 78) - (6 if s in low else 0)
            ege.append([f"edu239{i + 1:03d}", y, subj, n, f"{mean:.1f}".replace(".", ","), f"{rnd.uniform(8, 16):.1f}".replace(".", ","),
                        rnd.randint(0, 3), rnd.randint(0, max(1, n // 6))])
write("vpr.csv", vpr)
write("ege.csv", ege)

start = dt.date(2025, 9, 1)
assign = [["Вид закрепления", "Код наставника/тьютора", "Код школы", "Код педагога", "Номер приказа", "Дата приказа", "Дата начала", "Дата окончания"]]
mentor_of = {}
for i, s in enumerate(sorted(low)):
    m = mentors[i % MENTORS]; mentor_of[s] = m
    assign.append(["наставник", m, s, "", "№ 1045", "29.08.2025", "01.09.2025", ""])
tutor_of = {}
supported = [t for t in teachers if t[1] in low]
for i, (code, s) in enumerate(supported[:600]):
    tu = tutors[i % TUTORS]; tutor_of[code] = (tu, s)
    assign.append(["тьютор", tu, s, code, "№ 1045", "29.08.2025", "01.09.2025", ""])
write("assignments.csv", assign)

FORMS = ["Консультация", "Выезд в школу", "Мастер-класс", "Методическая сессия", "Посещение урока"]
inter = [["Код автора", "Дата", "Код школы", "Код педагога", "Форма", "Формат", "Тема", "Длительность, мин", "Участников"]]
day0 = dt.date(2025, 12, 1)
for s, m in mentor_of.items():
    for w in range(0, 52, 1):
        d = day0 + dt.timedelta(days=7 * w + rnd.randint(0, 4))
        inter.append([m, d.strftime("%d.%m.%Y"), s, "", rnd.choice(FORMS[1:]), rnd.choice(["Очно", "Дистанционно"]),
                      f"Разбор результатов и план коррекции, неделя {w + 1}", rnd.choice([45, 60, 90]), rnd.randint(3, 12)])
for code, (tu, s) in tutor_of.items():
    for w in range(0, 52, 3):
        d = day0 + dt.timedelta(days=7 * w + rnd.randint(0, 4))
        inter.append([tu, d.strftime("%d.%m.%Y"), "", code, "Консультация", rnd.choice(["Очно", "Дистанционно"]),
                      f"Консультация по маршруту, неделя {w + 1}", rnd.choice([30, 45]), ""])
write("interactions.csv", inter)

defs = [["Код педагога", "Год диагностики", "Область дефицита", "Источник", "Балл", "Уровень", "Дата"]]
steps = [["Код педагога", "Год маршрута", "Область дефицита", "Шаг", "Вид шага", "Срок", "Статус", "Дата выполнения"]]
for code in tutor_of:
    for area in ["Предметные", "Оценочные"]:
        defs.append([code, "2026/2027", area, "Тест ИРО", f"{rnd.uniform(20, 60):.1f}".replace(".", ","), "ниже базового", "28.08.2026"])
        steps.append([code, "2026/2027", area, f"Курсы ИРО: {area.lower()} компетенции, 36 ч", "Курсы ИРО или другой организации", "30.11.2026",
                      "Выполнен", "21.11.2026"])
        steps.append([code, "2026/2027", area, f"Консультация тьютора: {area.lower()} дефициты", "Консультация тьютора", "20.12.2026", "", ""])
write("deficits.csv", defs)
write("route_steps.csv", steps)

plan = [["Раздел", "Мероприятие", "Начало", "Срок", "Повторение", "Ответственные", "Целевые группы", "Адресность", "Статус", "Даты исполнения"]]
for i in range(80):
    if i % 3 == 0:
        plan.append([f"Модуль {i % 6 + 1}", f"Ежемесячное посещение уроков наставниками, блок {i}", "01.01.2026", "31.12.2026", "monthly",
                     "Наставники МНЦ", "teachers, shmo", "риск учебной неуспешности", "in_progress",
                     ", ".join(f"28.{m:02d}.2026" for m in range(1, 11))])
    else:
        dd = dt.date(2026, 1, 15) + dt.timedelta(days=4 * i)
        plan.append([f"Модуль {i % 6 + 1}", f"Семинар для управленческих команд № {i}", "", dd.strftime("%d.%m.%Y"), "без повторения",
                     "Руководитель МНЦ", "management", "дефицит: анализ и интерпретация результатов", "done" if i % 4 else "", 
                     dd.strftime("%d.%m.%Y") if i % 4 else ""])
write("plan.csv", plan)
print(f"{out}: {SCHOOLS} schools, {len(staff) - 1} people, {len(vpr) - 1} ВПР rows, {len(ege) - 1} ЕГЭ rows, "
      f"{len(assign) - 1} assignments, {len(inter) - 1} interactions, {len(defs) - 1} deficits, {len(steps) - 1} route steps, {len(plan) - 1} plan items")
