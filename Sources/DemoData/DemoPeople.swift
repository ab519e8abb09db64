import Domain
/// Invents the staff of the demo catalog: center specialists, and for every
/// school a director, a deputy and teachers. Directors and deputies of leader
/// schools are mentors; some teachers of leader schools are tutors.
struct DemoPeopleBuild {
    var people: [DemoPerson] = []
    var directorName: [String: String] = [:]
    /// Municipality code → staff codes in the order mentors are handed out.
    var mentors: [String: [String]] = [:]
    /// Municipality code → center specialists who curate schools.
    var curators: [String: [String]] = [:]
    var tutors: [String: [PersonDraft]] = [:]
    var teachers: [String: [PersonDraft]] = [:]
}

enum DemoPeopleBuilder {
    typealias Subjects = [String]
    static let russian: Subjects = ["Русский язык", "Литература"]
    static let maths: Subjects = ["Математика"]
    static let primary: Subjects = ["Начальные классы"]
    static let history: Subjects = ["История", "Обществознание"]
    static let bioChem: Subjects = ["Биология", "Химия"]
    static let physics: Subjects = ["Физика"]

    /// The order subjects fill a school's staff after the leading ones.
    static let rotation: [Subjects] = [primary, history, ["Биология"], ["Английский язык"], physics, ["Химия"],
                                       ["География"], ["Информатика"], primary]

    /// Tutors of each leader school: one per entry, with these subjects.
    static let tutorPlan: [String: [Subjects]] = [
        "ARM-018": [maths, russian, primary],
        "ARM-019": [russian, maths, bioChem],
        "LEN-001": [russian, history, primary],
        "LEN-006": [maths, bioChem],
        "LEN-GIM": [russian, maths],
        "KAV-001": [russian, maths, physics],
        "KAV-003": [maths, russian],
    ]

    static let prefix = ["armavir": "ARM", "leningradsky": "LEN", "kavkazsky": "KAV"]

    /// Center staff: position and functions; the first is the «куратор-наставник» (seed 003).
    static let centerStaff: [String: [(String, Set<PersonFunction>)]] = [
        "armavir": [
            ("Начальник отдела оценки качества образования, муниципальный координатор", [.centerSpecialist, .curator, .mentor]),
            ("Методист отдела методического сопровождения", [.centerSpecialist, .curator]),
            ("Главный специалист отдела оценки качества образования", [.centerSpecialist]),
            ("Методист, руководитель муниципального тьюторского консультационного пункта", [.centerSpecialist, .expert]),
        ],
        "leningradsky": [
            ("Заместитель директора, руководитель муниципального наставнического центра", [.centerSpecialist, .curator, .mentor]),
            ("Методист, куратор проекта «500+»", [.centerSpecialist, .curator]),
            ("Методист, руководитель муниципального тьюторского консультационного пункта", [.centerSpecialist]),
            ("Методист по оценке качества образования", [.centerSpecialist, .expert]),
        ],
        "kavkazsky": [
            ("Заместитель руководителя, руководитель муниципального наставнического центра", [.centerSpecialist, .curator, .mentor]),
            ("Методист", [.centerSpecialist, .curator]),
            ("Методист, руководитель тьюторского консультационного пункта", [.centerSpecialist]),
        ],
    ]

    static func build(schools: [DemoSchoolSpec], municipalities: [DemoMunicipality]) -> DemoPeopleBuild {
        var out = DemoPeopleBuild()
        var names = DemoNameGenerator(seed: 2021_0616)
        var counter = 0

        func add(_ muni: String, _ school: String?, _ code: String, _ name: DemoNameGenerator.Name, _ position: String,
                 _ functions: Set<PersonFunction>, subjects: Subjects = [], category: QualificationCategory = .none,
                 advanced: Bool = false) -> PersonDraft {
            let d = PersonDraft(staffCode: code, lastName: name.last, firstName: name.first, middleName: name.middle,
                                position: position, functions: functions, subjects: subjects, category: category,
                                advancedLevel: advanced)
            out.people.append(DemoPerson(municipalityCode: muni, schoolCode: school, draft: d))
            return d
        }

        for m in municipalities {
            let p = prefix[m.code] ?? m.code.uppercased()
            var leaderDeputies: [String] = [], leaderDirectors: [String] = [], centerMentors: [String] = []
            for (i, (position, functions)) in (centerStaff[m.code] ?? []).enumerated() {
                let d = add(m.code, nil, "\(p)-CTR-" + DemoSchoolSpecs.pad(i + 1, 2), names.name(), position, functions,
                            category: .highest)
                if functions.contains(.curator) { out.curators[m.code, default: []].append(d.staffCode) }
                if functions.contains(.mentor) { centerMentors.append(d.staffCode) }
            }
            let own = schools.filter { $0.municipalityCode == m.code }
            let firstLeader = own.first(where: \.isLeader)?.draft.code
            for (index, s) in own.enumerated() {
                let code = s.draft.code
                let hasStatus = s.statuses.contains { $0.lowResults || $0.difficultConditions }
                // Director and deputy; at leader schools both are mentors (Armavir's deputies are
                // «кураторы-наставники», seed 003).
                var surnames: Set<String> = []
                func fresh(female: Bool? = nil) -> DemoNameGenerator.Name {
                    let n = names.name(female: female, avoiding: surnames)
                    surnames.insert(n.base)
                    return n
                }
                let dirName = fresh(female: index % 3 != 0)
                out.directorName[code] = dirName.full
                var dirFunctions: Set<PersonFunction> = [.director, .managementTeam]
                var zamFunctions: Set<PersonFunction> = [.managementTeam]
                if s.isLeader {
                    dirFunctions.insert(.mentor); zamFunctions.insert(.mentor)
                    if m.code == "armavir" { zamFunctions.insert(.curator) }
                }
                _ = add(m.code, code, "\(code)-DIR", dirName, "Директор", dirFunctions, category: .highest)
                let zamPosition = s.isLeader || index % 2 == 0 ? "Заместитель директора по учебно-методической работе"
                    : "Заместитель директора по учебно-воспитательной работе"
                _ = add(m.code, code, "\(code)-ZAM", fresh(), zamPosition, zamFunctions,
                        category: index % 4 == 1 ? .first : .highest)
                if s.isLeader {
                    leaderDirectors.append("\(code)-DIR"); leaderDeputies.append("\(code)-ZAM")
                }

                // Teachers: Russian and mathematics first, then the rotation from a school-specific offset.
                let plan = tutorPlan[code] ?? []
                var count = hasStatus ? 6 + index % 3 : 4 + (index * 3) % 5
                if s.isLeader { count = max(count, plan.count + 3) }
                var subjects: [Subjects] = plan.isEmpty ? [russian, maths] : plan
                var r = index
                while subjects.count < count {
                    let next = rotation[r % rotation.count]; r += 1
                    if !subjects.contains(next) || next == primary { subjects.append(next) }
                }
                for (t, subj) in subjects.enumerated() {
                    counter += 1
                    let isTutor = t < plan.count
                    var functions: Set<PersonFunction> = isTutor ? [.tutor, .teacher] : [.teacher]
                    var position = "Учитель " + subj.map(genitive).joined(separator: " и ")
                    if code == firstLeader && t == subjects.count - 1 {
                        functions.insert(.expert)
                        position += m.code == "armavir" ? ", руководитель ГМО" : ", руководитель РМО"
                    }
                    let category: QualificationCategory = isTutor ? .highest : [.highest, .first, .first, .none, .none][counter % 5]
                    let advanced = subj != primary && (isTutor ? t < 2 : (s.isLeader ? counter % 2 == 0 : counter % 7 == 0))
                    let d = add(m.code, code, "\(code)-T" + DemoSchoolSpecs.pad(t + 1, 2), fresh(), position, functions,
                                subjects: subj, category: category, advanced: advanced)
                    out.teachers[code, default: []].append(d)
                    if isTutor { out.tutors[m.code, default: []].append(d) }
                }
            }
            out.mentors[m.code] = centerMentors + leaderDeputies + leaderDirectors
        }
        return out
    }

    static func genitive(_ subject: String) -> String {
        switch subject {
        case "Русский язык": "русского языка"
        case "Литература": "литературы"
        case "Математика": "математики"
        case "Начальные классы": "начальных классов"
        case "История": "истории"
        case "Обществознание": "обществознания"
        case "Биология": "биологии"
        case "Химия": "химии"
        case "Физика": "физики"
        case "Английский язык": "английского языка"
        case "География": "географии"
        case "Информатика": "информатики"
        default: subject.lowercased()
        }
    }
}
