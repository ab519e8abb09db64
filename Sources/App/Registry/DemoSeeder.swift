import Vapor
import Fluent
import Domain
import DemoData

/// Loads the demo municipalities of the seeds (the DemoData target) and one user per role.
enum DemoSeeder {
    static let password = "opora-demo-2025"
    static let logins: [(String, Role)] = [("admin", .admin), ("region", .regionalCoordinator), ("center", .centerSpecialist),
                                           ("uo", .educationDepartment), ("mentor", .mentor), ("tutor", .tutor),
                                           ("school", .schoolAdmin), ("teacher", .teacher), ("expert", .expert)]

    static func loginLines() -> [String] {
        ["Демо-входы (пароль у всех: \(password)):"] + logins.map { "  \($0.0.padding(toLength: 8, withPad: " ", startingAt: 0)) — \($0.1.title)" }
    }

    static func seed(_ app: Application) async throws {
        let cost = app.config.bcryptCost
        let hash = try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
        let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
        try await app.db.transaction { db in try await seed(db, passwordHash: hash, today: today) }
    }

    static func seed(_ db: any Database, passwordHash: String, today: CalendarDay) async throws {
        let region = try await Region.query(on: db).filter(\.$code == DemoCatalog.regionCode).first()
            ?? Region(code: DemoCatalog.regionCode, name: DemoCatalog.regionName)
        if region.id == nil { try await region.create(on: db) }
        var municipalities: [String: Municipality] = [:]
        for dm in DemoCatalog.municipalities {
            let m = Municipality(regionID: region.id!, code: dm.code, name: dm.name, fisOkoCode: dm.fisOkoCode, centerName: dm.centerName, planningPeriod: dm.planningPeriod)
            try await m.create(on: db)
            municipalities[dm.code] = m
            try await dm.statusLabels.map { StatusLabel(municipalityID: m.id!, fromYear: $0.fromYear, lowResults: $0.lowResults, difficult: $0.difficult) }.create(on: db)
        }
        var schools: [String: School] = [:]
        // One batch insert: numbers are given here, in catalog order (SchoolNumbering serves single creates).
        var no = (try await School.query(on: db).max(\.$no) ?? 0)
        for ds in DemoCatalog.schools {
            guard let m = municipalities[ds.municipalityCode] else { continue }
            let s = School()
            s.id = UUID()
            no += 1; s.no = no
            s.$municipality.id = m.id!; s.regionID = region.id!; s.isLeader = ds.isLeader
            s.apply(ds.draft.normalized())
            schools[s.code] = s
        }
        try await Array(schools.values).create(on: db)
        var statuses: [SchoolStatus] = []
        for ds in DemoCatalog.schools {
            guard let s = schools[ds.draft.code] else { continue }
            for st in ds.statuses { let row = SchoolStatus(); row.$school.id = s.id!; row.apply(st); statuses.append(row) }
        }
        try await statuses.create(on: db)
        var people: [String: Person] = [:]
        for dp in DemoCatalog.people {
            guard let m = municipalities[dp.municipalityCode] else { continue }
            let p = Person()
            p.id = UUID()
            p.apply(dp.draft.normalized())
            p.$municipality.id = m.id!; p.regionID = region.id!; p.$school.id = dp.schoolCode.flatMap { schools[$0]?.id }
            people[p.staffCode] = p
        }
        try await Array(people.values).create(on: db)
        try await people.values.flatMap { p in p.functionSet.map { PersonFunctionRow(personID: p.id!, function: $0) } }.create(on: db)
        var assignments: [Assignment] = []
        for da in DemoCatalog.assignments {
            let a = Assignment()
            a.kind = da.kind.rawValue
            a.$person.id = da.personStaffCode.flatMap { people[$0]?.id }
            a.$school.id = da.schoolCode.flatMap { schools[$0]?.id }
            a.$leaderSchool.id = da.leaderSchoolCode.flatMap { schools[$0]?.id }
            a.$teacher.id = da.teacherStaffCode.flatMap { people[$0]?.id }
            a.municipalityID = (a.$school.id.flatMap { id in schools.values.first { $0.id == id } }?.$municipality.id)
                ?? da.personStaffCode.flatMap { people[$0]?.$municipality.id } ?? municipalities.values.first!.id!
            a.orderNumber = da.orderNumber
            a.orderDate = RuFormat.parseDate(da.orderDate)
            assignments.append(a)
        }
        try await assignments.create(on: db)
        try await seedResults(db, region: region, schools: schools)
        try await createUsers(db, passwordHash: passwordHash, region: region, municipalities: municipalities, schools: schools, people: people)
        try await DemoSupport.seed(db, assignments: assignments, people: people, today: today)
        try await DemoPlansSeed.seed(db, municipalities: municipalities, schools: schools, today: today)
        try await DemoEventsSeed.seed(db, municipalities: municipalities, today: today)
        if let home = municipalities[DemoCatalog.municipalities[0].code] { try await DemoControlSeed.seed(db, municipality: home, today: today) }
        if let home = municipalities[DemoCatalog.municipalities[0].code] { try await DemoRisksSeed.seed(db, municipality: home, today: today) }
        // Seeded without audit entries: the data version still moves, so no instance keeps older pages.
        try await DataVersion.bump([.tenancy, .references(region.id!)] + municipalities.values.flatMap { [DataKey.registry($0.id!), .results($0.id!), .support($0.id!), .plans($0.id!), .control($0.id!), .events($0.id!), .risks($0.id!)] }, on: db)
    }

    /// Invented ЕГЭ and ВПР results and regional averages (DemoData/DemoResults).
    static func seedResults(_ db: any Database, region: Region, schools: [String: School]) async throws {
        var ege: [EGEResult] = []
        for r in DemoResults.ege() {
            guard let s = schools[r.schoolCode] else { continue }
            let e = EGEResult()
            e.schoolNo = s.no!; e.year = r.year; e.subject = r.subject; e.participants = r.participants; e.average = r.average
            ege.append(e)
        }
        try await ege.create(on: db)
        var vpr: [VPRResult] = []
        for r in DemoResults.vpr() {
            guard let s = schools[r.schoolCode] else { continue }
            let v = VPRResult()
            v.schoolNo = s.no!; v.year = r.year; v.subject = r.subject; v.grade = r.grade; v.participants = r.counts.reduce(0, +)
            (v.m2, v.m3, v.m4, v.m5) = (r.counts[0], r.counts[1], r.counts[2], r.counts[3]); v.source = "counts"
            vpr.append(v)
        }
        try await vpr.create(on: db)
        var contexts: [SchoolContext] = []
        for (code, school) in schools.sorted(by: { $0.key < $1.key }) {
            for d in DemoResults.contexts(code) {
                let c = SchoolContext()
                c.$school.id = school.id!; c.selfExamination = ""
                c.apply(d)
                contexts.append(c)
            }
        }
        try await contexts.create(on: db)
        for (subject, years) in DemoResults.regional {
            for (year, value) in years {
                let ref = ReferenceValue()
                ref.regionID = region.id!; ref.exam = "ege"; ref.subject = subject; ref.grade = 0; ref.year = year; ref.value = value
                ref.source = "демонстрационные данные"
                try await ref.create(on: db)
            }
        }
    }

    static func createUsers(_ db: any Database, passwordHash: String, region: Region, municipalities: [String: Municipality],
                            schools: [String: School], people: [String: Person]) async throws {
        let home = DemoCatalog.municipalities[0].code
        let local = DemoCatalog.assignments.filter { a in a.personStaffCode.flatMap { people[$0]?.$municipality.id } == municipalities[home]?.id }
        let mentorCode = local.first { $0.kind == .mentorSchool }?.personStaffCode
        let tutorAssignment = local.first { $0.kind == .tutorTeacher }
        let schoolCode = local.first { $0.kind == .mentorSchool }?.schoolCode
        let center = people.values.filter { $0.$municipality.id == municipalities[home]?.id && $0.$school.id == nil && $0.functionSet.contains(.centerSpecialist) }
            .sorted { $0.staffCode < $1.staffCode }.first
        let expert = people.values.filter { $0.$municipality.id == municipalities[home]?.id && $0.functionSet.contains(.expert) }
            .sorted { $0.staffCode < $1.staffCode }.first
        if let expert, let sc = schoolCode.flatMap({ schools[$0] }) {
            let a = Assignment()
            a.kind = AssignmentKind.expertSchool.rawValue; a.municipalityID = sc.$municipality.id; a.$person.id = expert.id; a.$school.id = sc.id
            a.orderNumber = ""
            try await a.create(on: db)
        }
        func make(_ login: String, _ name: String, person: Person?, _ grant: Grant) async throws {
            if try await User.query(on: db).filter(\.$login == login).first() != nil { return }
            let u = User(login: login, passwordHash: passwordHash, displayName: person?.draft.shortName ?? name, personID: person?.id)
            try await u.create(on: db)
            try await RoleGrant(userID: u.id!, grant: grant).create(on: db)
        }
        let mid = municipalities[home]?.id
        try await make("admin", "Администратор", person: nil, Grant(role: .admin))
        try await make("region", "Региональный координатор", person: nil, Grant(role: .regionalCoordinator, regionID: region.id))
        try await make("center", "Специалист центра", person: center, Grant(role: .centerSpecialist, municipalityID: mid))
        try await make("uo", "Управление образования", person: nil, Grant(role: .educationDepartment, municipalityID: mid))
        try await make("mentor", "Наставник", person: mentorCode.flatMap { people[$0] }, Grant(role: .mentor))
        try await make("tutor", "Тьютор", person: tutorAssignment?.personStaffCode.flatMap { people[$0] }, Grant(role: .tutor))
        try await make("school", "Администрация школы", person: nil, Grant(role: .schoolAdmin, schoolID: schoolCode.flatMap { schools[$0]?.id }))
        try await make("teacher", "Педагог", person: tutorAssignment?.teacherStaffCode.flatMap { people[$0] }, Grant(role: .teacher))
        try await make("expert", "Эксперт", person: expert, Grant(role: .expert))
    }
}
