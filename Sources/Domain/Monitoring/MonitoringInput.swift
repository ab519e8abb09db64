import Foundation

/// A school as the monitoring sees it. `context` is carried through to the summary
/// table untouched (DOMAIN §4: the "additional indicators" are contextual columns).
public struct SchoolRef: Sendable, Hashable {
    /// Status flags of the year (DOMAIN §2 SchoolStatus); used by clusters only.
    public enum Status: String, Codable, Sendable, CaseIterable, Comparable {
        case lowResults, difficultConditions, program500, objectivityRisk
        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
    }

    public var code: String
    public var name: String
    /// Schools of one municipality share a municipal reference; "" for a single municipality.
    public var municipality: String
    public var context: [String: String]
    /// Индекс социального благополучия (Concept §5.1, additional indicator 7).
    public var wellbeingIndex: Rational?
    public var statuses: Set<Status>

    public init(code: String, name: String = "", municipality: String = "", context: [String: String] = [:],
                wellbeingIndex: Rational? = nil, statuses: Set<Status> = []) {
        self.code = code; self.name = name; self.municipality = municipality; self.context = context
        self.wellbeingIndex = wellbeingIndex; self.statuses = statuses
    }
}

/// One school's ЕГЭ result in one subject and year (РИС ГИА-11 export).
public struct EGEInput: Sendable, Hashable {
    public var resultID: String
    public var schoolCode: String
    public var year: Int
    public var subject: String
    public var participants: Int
    public var average: Rational
    /// Standard deviation of the participants' scores, when published or computed from
    /// the protocols; without it the objectivity check cannot run (DOMAIN §4).
    public var sd: Double?

    public init(resultID: String, schoolCode: String, year: Int, subject: String, participants: Int,
                average: Rational, sd: Double? = nil) {
        self.resultID = resultID; self.schoolCode = schoolCode; self.year = year; self.subject = subject
        self.participants = participants; self.average = average; self.sd = sd
    }
}

/// Marks 2, 3, 4, 5 of a ВПР result: counts, or ФИС ОКО's two-decimal percentages (indicator 2
/// computes with the counts rebuilt from them, `MarkCounts.rebuilt`).
public enum VPRMarks: Sendable, Hashable {
    case counts(MarkCounts)
    case percentages([Rational])
}

/// The numbers of marks «2», «3», «4», «5», held inline: a country's monitoring makes
/// hundreds of thousands of these, and an array each would be an allocation each.
public struct MarkCounts: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    public var m2: Int, m3: Int, m4: Int, m5: Int
    public init(_ m2: Int, _ m3: Int, _ m4: Int, _ m5: Int) { self.m2 = m2; self.m3 = m3; self.m4 = m4; self.m5 = m5 }
    /// Four numbers, or nil for any other count.
    public init?(_ k: [Int]) {
        guard k.count == 4 else { return nil }
        self.init(k[0], k[1], k[2], k[3])
    }
    public init(arrayLiteral k: Int...) {
        precondition(k.count == 4, "marks 2, 3, 4, 5: four numbers")
        self.init(k[0], k[1], k[2], k[3])
    }
    public var startIndex: Int { 0 }
    public var endIndex: Int { 4 }
    public subscript(i: Int) -> Int {
        get {
            switch i {
            case 0: m2
            case 1: m3
            case 2: m4
            case 3: m5
            default: preconditionFailure("marks 2…5 are positions 0…3")
            }
        }
        set {
            switch i {
            case 0: m2 = newValue
            case 1: m3 = newValue
            case 2: m4 = newValue
            case 3: m5 = newValue
            default: preconditionFailure("marks 2…5 are positions 0…3")
            }
        }
    }
    public var description: String { "[\(m2), \(m3), \(m4), \(m5)]" }
}

/// One school's ВПР result in one subject, grade and year (ФИС ОКО export).
public struct VPRInput: Sendable, Hashable {
    public var resultID: String
    public var schoolCode: String
    public var year: Int
    public var subject: String
    public var grade: Int
    public var participants: Int
    public var marks: VPRMarks

    public init(resultID: String, schoolCode: String, year: Int, subject: String, grade: Int,
                participants: Int, marks: VPRMarks) {
        self.resultID = resultID; self.schoolCode = schoolCode; self.year = year; self.subject = subject
        self.grade = grade; self.participants = participants; self.marks = marks
    }
}

/// A subject/grade/year of ВПР, e.g. for a regional mean mark.
public struct VPRSeriesKey: Sendable, Hashable {
    public var subject: String
    public var grade: Int
    public var year: Int
    public init(subject: String, grade: Int, year: Int) { self.subject = subject; self.grade = grade; self.year = year }
}

/// «Сравнение отметок с отметками по журналу» (ФИС ОКО): how many participants'
/// ВПР marks were lower than, equal to, or higher than the journal mark.
public struct JournalComparisonInput: Sendable, Hashable {
    public var schoolCode: String
    public var year: Int
    public var subject: String
    public var grade: Int
    public var lowered: Int
    public var confirmed: Int
    public var raised: Int
    public init(schoolCode: String, year: Int, subject: String, grade: Int, lowered: Int, confirmed: Int, raised: Int) {
        self.schoolCode = schoolCode; self.year = year; self.subject = subject; self.grade = grade
        self.lowered = lowered; self.confirmed = confirmed; self.raised = raised
    }
}

/// One participant of a ВПР (participant-level export).
public struct VPRParticipantInput: Sendable, Hashable {
    public var schoolCode: String
    public var year: Int
    public var subject: String
    public var grade: Int
    public var primaryScore: Int
    public var mark: Int
    public var journalMark: Int?
    public init(schoolCode: String, year: Int, subject: String, grade: Int, primaryScore: Int, mark: Int, journalMark: Int? = nil) {
        self.schoolCode = schoolCode; self.year = year; self.subject = subject; self.grade = grade
        self.primaryScore = primaryScore; self.mark = mark; self.journalMark = journalMark
    }
}

/// The minimum primary scores for marks 3, 4, 5 of one ВПР subject/grade/year.
public struct VPRBoundaries: Sendable, Hashable {
    public var min3: Int
    public var min4: Int
    public var min5: Int
    public init(min3: Int, min4: Int, min5: Int) { self.min3 = min3; self.min4 = min4; self.min5 = min5 }
}

/// A kind of assessment procedure for the federal risk flag.
public enum ProcedureKind: String, Codable, Sendable, CaseIterable, Comparable {
    case vpr, oge, ege
    public var title: String {
        switch self { case .vpr: "ВПР"; case .oge: "ОГЭ"; case .ege: "ЕГЭ" }
    }
    public static func < (a: ProcedureKind, b: ProcedureKind) -> Bool { a.rawValue < b.rawValue }
}

/// One school's result in one procedure, as needed by the federal risk flag: the
/// number or percentage of "2" (ОГЭ: below the threshold; ЕГЭ: below the minimum score).
public struct ProcedureInput: Sendable, Hashable {
    public enum Failing: Sendable, Hashable { case count(Int), percent(Rational) }
    public var schoolCode: String
    public var kind: ProcedureKind
    public var subject: String
    public var grade: Int?
    public var year: Int
    public var participants: Int
    public var failing: Failing
    public init(schoolCode: String, kind: ProcedureKind, subject: String, grade: Int? = nil, year: Int,
                participants: Int, failing: Failing) {
        self.schoolCode = schoolCode; self.kind = kind; self.subject = subject; self.grade = grade
        self.year = year; self.participants = participants; self.failing = failing
    }

    /// The share of "2" in %: 100 · count / participants, exactly, or the published
    /// percentage; nil for a count without participants.
    public var failingShare: Rational? {
        switch failing {
        case .count(let k): participants > 0 ? Rational(Int128(fast: 100 * k), Int128(fast: participants)) : nil
        case .percent(let v): v
        }
    }
}

/// A school on Rosobrnadzor's list of schools with signs of non-objective results, for one
/// procedure and year. The procedure matters: only a ВПР flag may exclude ВПР results
/// (DOMAIN §4: "excluding by it is an opt-in setting and applies to ВПР only"); an ОГЭ or
/// ЕГЭ flag is context. A subject (and grade) narrows the flag when the list names them.
public struct RosobrnadzorFlag: Sendable, Hashable {
    public var schoolCode: String
    public var year: Int
    /// nil when the procedure written in the list is not recognised: listed, never excluding.
    public var kind: ProcedureKind?
    public var subject: String?
    public var grade: Int?
    public init(schoolCode: String, year: Int, kind: ProcedureKind?, subject: String? = nil, grade: Int? = nil) {
        self.schoolCode = schoolCode; self.year = year; self.kind = kind; self.subject = subject; self.grade = grade
    }

    /// Whether the flag is about this result's procedure (kind, subject, grade) and year.
    public func covers(kind k: ProcedureKind, subject s: String, grade g: Int?, year y: Int) -> Bool {
        kind == k && year == y && (subject == nil || subject == s) && (grade == nil || grade == g)
    }
}

/// Everything one monitoring of year Y needs (DOMAIN §4: exam years Y−1 and Y).
public struct MonitoringInput: Sendable {
    public var year: Int
    public var schools: [SchoolRef]
    public var ege: [EGEInput]
    public var vpr: [VPRInput]
    /// Regional ЕГЭ averages: subject → year → average (the default reference).
    public var regionalEGEAverage: [String: [Int: Rational]]
    /// Regional ВПР mean marks for the objectivity check (else the other schools are used).
    public var regionalVPRMeanMark: [VPRSeriesKey: Rational]
    /// Rosobrnadzor's lists of schools with signs of non-objective ВПР results: year → codes
    /// (a flag on the whole ВПР of that year; see `rosobrnadzorFlags` for other procedures).
    public var rosobrnadzorList: [Int: Set<String>]
    /// Rosobrnadzor's flags with their procedure (ВПР, ОГЭ, ЕГЭ; subject and grade when named).
    public var rosobrnadzorFlags: [RosobrnadzorFlag]
    /// Result ids a specialist confirmed for exclusion (policy `.confirmBySpecialist`).
    public var confirmedExclusions: Set<String>
    /// ОГЭ/ЕГЭ (and extra ВПР) results for the federal risk flag; ВПР inputs are added
    /// automatically unless a procedure here has the same school, subject, grade and year.
    public var procedures: [ProcedureInput]
    public var journalComparisons: [JournalComparisonInput]
    public var participants: [VPRParticipantInput]
    public var boundaries: [VPRSeriesKey: VPRBoundaries]
    public var settings: MonitoringSettings

    public init(year: Int, schools: [SchoolRef], ege: [EGEInput] = [], vpr: [VPRInput] = [],
                regionalEGEAverage: [String: [Int: Rational]] = [:], regionalVPRMeanMark: [VPRSeriesKey: Rational] = [:],
                rosobrnadzorList: [Int: Set<String>] = [:], rosobrnadzorFlags: [RosobrnadzorFlag] = [],
                confirmedExclusions: Set<String> = [],
                procedures: [ProcedureInput] = [], journalComparisons: [JournalComparisonInput] = [],
                participants: [VPRParticipantInput] = [], boundaries: [VPRSeriesKey: VPRBoundaries] = [:],
                settings: MonitoringSettings = .default) {
        self.year = year; self.schools = schools; self.ege = ege; self.vpr = vpr
        self.regionalEGEAverage = regionalEGEAverage; self.regionalVPRMeanMark = regionalVPRMeanMark
        self.rosobrnadzorList = rosobrnadzorList; self.rosobrnadzorFlags = rosobrnadzorFlags; self.confirmedExclusions = confirmedExclusions
        self.procedures = procedures; self.journalComparisons = journalComparisons
        self.participants = participants; self.boundaries = boundaries; self.settings = settings
    }
}
