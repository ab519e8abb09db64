import Domain
/// Puts the catalog together: schools with their directors, people, and the
/// assignments of mentors, curators, leader schools and tutors to every school
/// with a status in its latest status year.
struct DemoBuild: Sendable {
    var schools: [DemoSchool]
    var people: [DemoPerson]
    var assignments: [DemoAssignment]

    static let result = make()

    /// Orders of assignment per municipality and year. Armavir 2020: the order of
    /// the education department of 01.04.2021 № 182 on methodological help to
    /// ШНОР in «500+» (seed 002). The others are invented: the seeds only say
    /// «приказом управления образования … закреплены наставники».
    static let orders: [String: (number: String, date: String)] = [
        "armavir-2020": ("182", "01.04.2021"),
        "armavir-2025": ("14", "13.01.2025"),
        "leningradsky-2021": ("1047-осн", "31.08.2021"),
        "kavkazsky-2024": ("706", "02.09.2024"),
    ]

    static func make() -> DemoBuild {
        let specs = DemoSchoolSpecs.all
        let built = DemoPeopleBuilder.build(schools: specs, municipalities: DemoSchoolSpecs.municipalities)
        let schools = specs.map { s -> DemoSchool in
            var draft = s.draft
            draft.directorName = built.directorName[s.draft.code] ?? ""
            return DemoSchool(municipalityCode: s.municipalityCode, draft: draft, statuses: s.statuses, isLeader: s.isLeader)
        }
        let homeSchool = Dictionary(uniqueKeysWithValues: built.people.map { ($0.draft.staffCode, $0.schoolCode) })
        let functions = Dictionary(uniqueKeysWithValues: built.people.map { ($0.draft.staffCode, $0.draft.functions) })
        var assignments: [DemoAssignment] = []

        for m in DemoSchoolSpecs.municipalities {
            let own = schools.filter { $0.municipalityCode == m.code }
            let leaders = own.filter(\.isLeader).map(\.draft.code)
            let mentors = built.mentors[m.code] ?? []
            let curators = built.curators[m.code] ?? []
            let tutors = built.tutors[m.code] ?? []
            guard !mentors.isEmpty, !leaders.isEmpty, !curators.isEmpty else { continue }
            // Schools with a status in their latest status year, earliest year first (so Armavir's
            // 2020 schools get the three curator-mentors of seed 003).
            let withStatus = own.compactMap { school -> (year: Int, school: DemoSchool)? in
                guard let latest = school.statuses.map(\.year).max(),
                      school.statuses.contains(where: { $0.year == latest && ($0.lowResults || $0.difficultConditions) })
                else { return nil }
                return (latest, school)
            }.sorted { ($0.year, $0.school.draft.code) < ($1.year, $1.school.draft.code) }
            var supported = 0
            for (latest, school) in withStatus {
                let code = school.draft.code
                let order = orders["\(m.code)-\(latest)"] ?? ("", "")
                func assign(_ kind: AssignmentKind, person: String? = nil, leader: String? = nil, teacher: String? = nil) {
                    assignments.append(DemoAssignment(kind: kind, personStaffCode: person, schoolCode: code, leaderSchoolCode: leader,
                                                      teacherStaffCode: teacher, orderNumber: order.number,
                                                      orderDate: order.date, fromYear: latest))
                }
                // Mentor round-robin; a mentor who is also a curator curates the same school
                // (Armavir's «кураторы-наставники»), otherwise a center curator does.
                let mentor = mentors[supported % mentors.count]
                let curator = functions[mentor]?.contains(.curator) == true ? mentor : curators[supported % curators.count]
                // The leader school is the mentor's home school when it is a leader school.
                let leader = homeSchool[mentor].flatMap { $0 }.flatMap { leaders.contains($0) ? $0 : nil }
                    ?? leaders[supported % leaders.count]
                assign(.mentorSchool, person: mentor)
                assign(.curatorSchool, person: curator)
                assign(.leaderSchool, leader: leader)

                // Tutors for 2–3 teachers whose subjects a tutor of the municipality covers.
                let wanted = supported % 2 == 0 ? 3 : 2
                var done = 0
                for teacher in built.teachers[code] ?? [] where done < wanted {
                    let matching = tutors.filter { !Set($0.subjects).isDisjoint(with: teacher.subjects) }
                    guard !matching.isEmpty else { continue }
                    // Prefer a tutor of the partner leader school.
                    let fromLeader = matching.filter { homeSchool[$0.staffCode] == .some(leader) }
                    let pool = fromLeader.isEmpty ? matching : fromLeader
                    assign(.tutorTeacher, person: pool[supported % pool.count].staffCode, teacher: teacher.staffCode)
                    done += 1
                }
                supported += 1
            }
        }
        return DemoBuild(schools: schools, people: built.people, assignments: assignments)
    }
}
