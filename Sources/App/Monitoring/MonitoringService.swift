import Vapor
import Fluent
import Domain
import Views

/// Computes the monitoring for the municipalities a request may see; the one place
/// the pages, the exports and the CLI get their numbers from.
enum MonitoringService {
    struct Computed: Sendable {
        let result: MonitoringResult
        let schools: [UUID: School]
        let municipalities: [Municipality]
        var codeToID: [String: UUID] { Dictionary(schools.values.map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a }) }
    }

    static func compute(_ municipalities: [Municipality], year: Int, settings: MonitoringSettings? = nil, on db: any Database) async throws -> Computed {
        let s = settings ?? municipalities.first.map(MonitoringLoader.settings) ?? .default
        let (input, schools) = try await MonitoringLoader.load(.init(municipalities: municipalities, year: year, settings: s), on: db)
        return Computed(result: Monitoring.compute(input), schools: schools, municipalities: municipalities)
    }

    /// The same, reused until the next audited change (DataVersion): the key names the
    /// municipalities with their settings and the year.
    static func compute(_ municipalities: [Municipality], year: Int, req: Request) async throws -> Computed {
        let key = "monitoring|\(year)|" + municipalities.map { "\($0.id!.uuidString):\($0.settingsJSON)" }.joined(separator: ",")
        return try await req.cached(key, dependsOn: dataKeys(municipalities)) { try await compute(municipalities, year: year, on: req.db) }
    }

    struct Region: Sendable {
        let result: MonitoringResult
        let schools: [UUID: School]
        /// School code → municipality name.
        let municipalityOf: [String: String]
    }

    /// The region's monitoring: all its municipalities with one common reference (the region's
    /// value, or the weighted mean over the whole region), reused like the municipal one.
    static func region(_ ms: [Municipality], year: Int, settings: MonitoringSettings, req: Request) async throws -> Region {
        let key = "region|\(year)|\(settings)|" + ms.map { $0.id!.uuidString }.joined(separator: ",")
        return try await req.cached(key, dependsOn: dataKeys(ms)) {
            var (input, schools) = try await MonitoringLoader.load(.init(municipalities: ms, year: year, settings: settings), on: req.db)
            let municipalityOf = Dictionary(input.schools.map { ($0.code, $0.municipality) }, uniquingKeysWith: { a, _ in a })
            // Blank municipalities: the reference is then common to the region.
            input.schools = input.schools.map { var s = $0; s.municipality = ""; return s }
            return Region(result: Monitoring.compute(input), schools: schools, municipalityOf: municipalityOf)
        }
    }

    /// What the monitoring of these municipalities reads: their results and registry, their
    /// regions' references and the list of municipalities (not, say, tutors' work logs).
    static func dataKeys(_ ms: [Municipality]) -> [DataKey] {
        Array(Set(ms.flatMap { DataKey.monitoring(municipality: $0.id!, region: $0.$region.id) })).sorted { $0.name < $1.name }
    }

    /// The latest exam year that has results for these municipalities, else the current year.
    static func defaultYear(_ municipalities: [Municipality], on db: any Database, now: Date) async throws -> Int {
        let nos = try await School.query(on: db).filter(\.$municipality.$id ~~ municipalities.compactMap(\.id)).all().compactMap(\.no)
        var years: [Int] = []
        if !nos.isEmpty {
            if let y = try await VPRResult.query(on: db).filter(\.$schoolNo ~~ nos).max(\.$year) { years.append(y) }
            if let y = try await EGEResult.query(on: db).filter(\.$schoolNo ~~ nos).max(\.$year) { years.append(y) }
        }
        return years.max() ?? Calendar(identifier: .gregorian).component(.year, from: now)
    }

    typealias EGEChart = (title: String, series: [Charts.Series])
    typealias VPRChart = (title: String, bars: [Charts.Bar])

    /// The series of a school's results page: its ЕГЭ means beside the region's reference and
    /// the municipality's weighted mean (`municipalEGEMeans`), and its ВПР marks as shares of
    /// the same counts indicator 2 computes with (published percentages → rebuilt counts).
    static func schoolSeries(_ school: School, settings: MonitoringSettings, on db: any Database) async throws -> ([EGEChart], [VPRChart]) {
        let m = school.municipality
        let ege = try await EGEResult.query(on: db).filter(\.$schoolNo == school.no ?? 0).sort(\.$year).all()
        let refs = try await ReferenceValue.query(on: db).filter(\.$regionID == school.regionID).filter(\.$exam == "ege").all()
        let municipalMeans = try await municipalEGEMeans(m, on: db)
        let subjects = Set(ege.map(\.subject)).sorted {
            (settings.egeSubjects.firstIndex(of: $0) ?? 99, $0) < (settings.egeSubjects.firstIndex(of: $1) ?? 99, $1)
        }
        let egeCharts = subjects.map { subject -> EGEChart in
            let years = Array(Set(ege.filter { $0.subject == subject }.map(\.year) + refs.filter { $0.subject == subject }.map(\.year))).sorted()
            let own = years.map { y in (x: y, y: ege.first { $0.subject == subject && $0.year == y }.flatMap { Rational(decimal: $0.average)?.double }) }
            let regional = years.map { y in (x: y, y: refs.first { $0.subject == subject && $0.year == y }.flatMap { Rational(decimal: $0.value)?.double }) }
            let municipal = years.map { y in (x: y, y: municipalMeans[subject]?[y]?.mean.double) }
            let hasRegion = regional.contains { $0.y != nil }
            var series = [Charts.Series(name: school.shortName, points: own, style: .school)]
            if hasRegion { series.append(Charts.Series(name: "Регион (эталон)", points: regional, style: .reference)) }
            series.append(Charts.Series(name: "\(m.name): средневзвешенный балл", points: municipal, style: hasRegion ? .other : .reference))
            return (title: "ЕГЭ, \(MonitoringSubject.title(subject)): средний балл", series: series)
        }
        let vpr = try await VPRResult.query(on: db).filter(\.$schoolNo == school.no ?? 0).sort(\.$year).all()
        var keys: [(String, Int)] = []
        for r in vpr where !keys.contains(where: { $0 == (r.subject, r.grade) }) { keys.append((r.subject, r.grade)) }
        keys.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        let vprCharts = keys.map { key -> VPRChart in
            let bars = vpr.filter { $0.subject == key.0 && $0.grade == key.1 }.compactMap { r -> Charts.Bar? in
                guard let marks = ResultMapping.marks(r), let counts = MarkCounts(marks, participants: r.participants) else { return nil }
                let shares = counts.map { 100 * Double($0) / Double(r.participants) }
                return Charts.Bar(label: String(r.year), shares: shares, participants: r.participants,
                                  note: r.participants < settings.smallGroup ? "мало участников"
                                      : (r.source == "percentages" ? "число отметок восстановлено из процентов ФИС ОКО" : nil))
            }
            return (title: "ВПР, \(MonitoringSubject.title(key.0)), \(key.1) класс", bars: bars)
        }
        return (egeCharts, vprCharts)
    }

    /// Participant-weighted ЕГЭ mean of a municipality per subject and year, Σ nᵢ·avgᵢ / Σ nᵢ
    /// (the fallback reference line of the charts and the trend of the effectiveness page).
    static func municipalEGEMeans(_ m: Municipality, on db: any Database) async throws -> [String: [Int: (mean: Rational, n: Int)]] {
        let nos = try await School.query(on: db).filter(\.$municipality.$id == m.id!).all().compactMap(\.no)
        guard !nos.isEmpty else { return [:] }
        var sums: [String: [Int: (Rational, Int)]] = [:]
        for r in try await EGEResult.query(on: db).filter(\.$schoolNo ~~ nos).all() {
            guard let avg = Rational(decimal: r.average) else { continue }
            let cur = sums[r.subject]?[r.year] ?? (.zero, 0)
            sums[r.subject, default: [:]][r.year] = (cur.0 + avg * Rational(r.participants), cur.1 + r.participants)
        }
        return sums.mapValues { $0.compactMapValues { $0.1 > 0 ? (mean: $0.0 / Rational($0.1), n: $0.1) : nil } }
    }

    /// The study-period analysis of these schools for one period (TermAnalysis), with the
    /// thresholds of the municipality's settings.
    static func termAnalysis(_ schools: [UUID: School], period: String, year: Int, settings: MonitoringSettings,
                             on db: any Database) async throws -> TermAnalysis.Result {
        let terms = schools.isEmpty ? [] : try await TermResult.query(on: db).filter(\.$school.$id ~~ Array(schools.keys))
            .filter(\.$year == year).filter(\.$period == period).all()
        let rows = terms.compactMap { t -> TermAnalysis.Row? in
            guard let s = Rational(decimal: t.successRate), let q = Rational(decimal: t.qualityRate), let school = schools[t.$school.id] else { return nil }
            return .init(schoolCode: school.code, subject: t.subject, participants: t.participants, success: s, quality: q)
        }
        return TermAnalysis.analyze(rows, successThreshold: Rational(settings.termSuccessThreshold), qualityThreshold: Rational(settings.termQualityThreshold))
    }

    /// What the page must say about the method (DOMAIN §4: every choice visible to users).
    static func notes(_ r: MonitoringResult) -> [String] {
        let s = r.settings
        var notes: [String] = ["Мониторинг \(r.year) года сравнивает результаты \(r.year - 1) и \(r.year) годов (Концепция, п. 6.3)."]
        for subject in s.egeSubjects {
            for year in [r.year - 1, r.year] {
                for ref in r.references where ref.subject == subject && ref.year == year {
                    let where_ = ref.municipality.isEmpty ? "" : " (\(ref.municipality))"
                    let value = ref.value.map { $0.ru(2) } ?? "нет данных"
                    notes.append("Эталон показателя 1, \(MonitoringSubject.title(subject)), \(year)\(where_): \(ref.source.title) — \(value)"
                                 + (ref.excludedResultIDs.isEmpty ? "." : "; без исключённых результатов (до исключения \(ref.valueBeforeExclusions?.ru(2) ?? "—"))."))
                }
            }
        }
        if r.usesMunicipalFallback {
            notes.append("Внимание: регионального среднего нет, эталон — средневзвешенный балл школ муниципалитета. При таком эталоне около половины школ получают отрицательную динамику по построению (Σ nᵢ·rᵢ = N); введите региональное значение на странице «Эталоны».")
        }
        notes.append("Показатель 1: D = r(\(r.year)) − r(\(r.year - 1)), r = средний балл школы / эталон; D < 0 — отрицательная динамика" + (s.includeNoChange ? ", D = 0 («без изменений») тоже включается в таблицу." : "; D = 0 в таблицу не включается (настройка).")
                     + " D = 0 снижением не считается: в числе школ с отрицательной динамикой и в кластерах оно учитывается отдельно.")
        notes.append("Показатель 2: правило — \(s.reading.title); порог T = \(s.threshold) п.п. («превышает» — строго больше); малые группы — менее \(s.smallGroup) участников." + (s.cohort ? " Сравнение по когорте: \(r.year - 1) год — на класс младше." : " Сравнивается тот же класс в соседних годах."))
        notes.append(Indicator2.sharesNote)
        notes.append("Необъективные результаты: \(s.objectivity.title)" + (s.excludeRosobrnadzorListForVPR ? "; результаты ВПР школ из списка Рособрнадзора исключаются (только по отметкам о самой ВПР; отметка по ОГЭ или ЕГЭ результаты ВПР не исключает)." : "; список Рособрнадзора — только справочно.") + " Подробности — на странице «Методика».")
        notes += objectivityReferenceNotes(r)
        return notes + r.warnings
    }

    /// Which reference the confidence-interval check compared with (Objectivity.helpText):
    /// the region's value where there is one, else the other schools of the municipality.
    static func objectivityReferenceNotes(_ r: MonitoringResult) -> [String] {
        var out: [String] = []
        for (kind, what) in [(ProcedureKind.vpr, "средняя отметка по региону (строки региона отчётов ФИС ОКО)"), (.ege, "средний балл по региону")] {
            let used = r.objectivityReferences(kind)
            guard used.region + used.otherSchools > 0 else { continue }
            let text: String
            if used.otherSchools == 0 { text = "\(what) — для всех \(used.region) проверенных результатов." }
            else if used.region == 0 { text = "регионального значения нет, поэтому результаты сравнивались со средним других школ муниципалитета (\(used.otherSchools))." }
            else { text = "\(what) — для \(used.region) результатов; для \(used.otherSchools) регионального значения нет, и они сравнивались со средним других школ муниципалитета." }
            out.append("Эталон проверки объективности \(kind.title): " + text)
        }
        return out
    }

    /// Schools with the status (ШНОР or ШССУ) per year, keyed by the school, not by its name
    /// (Concept §7.5): two schools of one name stay two, a renamed school does not "leave".
    /// Labels are the short names, with the code added where two schools share one.
    static func effectiveness(_ m: Municipality, on db: any Database) async throws -> [EffectivenessYear] {
        let schools = try await School.query(on: db).filter(\.$municipality.$id == m.id!).all()
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        let statuses = byID.isEmpty ? [] : try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ Array(byID.keys)).all()
        var nameCount: [String: Int] = [:]
        for s in schools { nameCount[s.shortName, default: 0] += 1 }
        func label(_ s: School) -> String { (nameCount[s.shortName] ?? 0) > 1 ? "\(s.shortName) (\(s.code))" : s.shortName }
        var perYear: [Int: [String: String]] = [:]
        for st in statuses {
            if perYear[st.year] == nil { perYear[st.year] = [:] }
            guard st.lowResults || st.difficultConditions, let school = byID[st.$school.id] else { continue }
            perYear[st.year]![school.id!.uuidString] = label(school)
        }
        return Effectiveness.analyze(schools: perYear)
    }
}
