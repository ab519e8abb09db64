import Foundation

/// How a result row names its school. The importer never touches the database:
/// the app resolves the key to a school.
public enum SchoolKey: Hashable, Sendable {
    /// Our own school code (the `school_code` column); the app tries it as our
    /// code first, then as a Код ОО of РИС ГИА.
    case code(String)
    /// The 6 digits of a ФИС ОКО login (`edu203389` / `sch203389` → "203389").
    case login(String)
    /// The numeric Код ОО of РИС ГИА with the Код МСУ of its municipality (nil when the
    /// file has none): a Код ОО alone may repeat across municipalities. Both without
    /// leading zeros (`GIACode.normalized`).
    case gia(String, msu: String? = nil)
    /// A row label without a login: the app asks the user to match it once.
    case label(String)
}

/// ЕГЭ results of one school in one subject.
public struct EGERow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    /// Canonical subject code, see `Subjects`.
    public var subject: String
    public var participants: Int
    /// Decimal text with a point, e.g. "65.5".
    public var average: String
    public var sd: String?
    public var belowMinimum: Int?
    public var highScorers: Int?

    public init(row: Int, school: SchoolKey, year: Int, subject: String, participants: Int, average: String,
                sd: String? = nil, belowMinimum: Int? = nil, highScorers: Int? = nil) {
        self.row = row; self.school = school; self.year = year; self.subject = subject
        self.participants = participants; self.average = average; self.sd = sd
        self.belowMinimum = belowMinimum; self.highScorers = highScorers
    }
}

/// Marks of a ВПР row: counts of «2», «3», «4», «5», or their shares in percent
/// (decimal texts with a point) as ФИС ОКО publishes them.
public enum VPRMarksRow: Sendable, Equatable {
    case counts([Int])
    case percentages([String])
}

/// ВПР results of one school in one subject and grade.
public struct VPRRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    public var subject: String
    public var grade: Int
    public var participants: Int
    public var marks: VPRMarksRow

    public init(row: Int, school: SchoolKey, year: Int, subject: String, grade: Int, participants: Int, marks: VPRMarksRow) {
        self.row = row; self.school = school; self.year = year; self.subject = subject
        self.grade = grade; self.participants = participants; self.marks = marks
    }
}

/// ОГЭ results of one school in one subject.
public struct OGERow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    public var subject: String
    public var participants: Int
    public var averageMark: String?
    public var averageScore: String?
    /// Participants with «2» (a count), when the file gives a count…
    public var belowThreshold: Int?
    /// …or their share in percent, when it gives a share.
    public var belowThresholdShare: String?

    public init(row: Int, school: SchoolKey, year: Int, subject: String, participants: Int, averageMark: String? = nil,
                averageScore: String? = nil, belowThreshold: Int? = nil, belowThresholdShare: String? = nil) {
        self.row = row; self.school = school; self.year = year; self.subject = subject; self.participants = participants
        self.averageMark = averageMark; self.averageScore = averageScore
        self.belowThreshold = belowThreshold; self.belowThresholdShare = belowThresholdShare
    }
}

/// Term (четверть / полугодие / год) results of a school, grade or class.
public struct TermRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    /// The school year by its start (2024 = 2024/2025), as `YearLabel` stores it.
    public var year: Int
    /// q1…q4, h1, h2 or year.
    public var period: String
    public var grade: Int?
    public var className: String?
    public var subject: String
    public var participants: Int
    /// Успеваемость, % (decimal text).
    public var successRate: String
    /// Качество знаний, % (decimal text).
    public var qualityRate: String
}

/// «Сравнение отметок с отметками по журналу» of one school.
public struct JournalComparisonRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    public var subject: String
    public var grade: Int
    public var participants: Int
    public var lowered: Int
    public var confirmed: Int
    public var raised: Int
}

/// One participant of a ВПР work (no names: the participant code only).
public struct VPRParticipantRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    public var subject: String
    public var grade: Int
    public var className: String
    public var participant: String
    public var primaryScore: Int?
    public var mark: Int?
    public var journalMark: Int?
}

/// A school on the Rosobrnadzor list of schools with signs of biased results.
public struct ObjectivityFlagRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    /// The procedure as written, e.g. «ВПР» or «ВПР, 5 класс, математика».
    public var procedure: String
}

/// Contextual figures of a school for one year; keys as in `ResultColumns.contextKeys`.
public struct ContextRow: Sendable, Equatable {
    public var row: Int
    public var school: SchoolKey
    public var year: Int
    public var values: [String: String]
}

/// A value of the region (or of the whole ФИС ОКО sample) found in a result file,
/// so the app can compare schools with it.
public struct RegionReference: Sendable, Equatable {
    public enum Scope: String, Sendable, Equatable { case region, wholeSample = "whole_sample" }
    public var subject: String
    public var grade: Int?
    public var year: Int
    public var value: String
    /// What the value is: participants, mark2…mark5 (percent), lowered/confirmed/raised
    /// (percent), average_score, average_mark, below_minimum…
    public var measure: String
    public var scope: Scope
    /// The row label as written, e.g. «Чеченская Республика».
    public var label: String
    /// For a value the importer averaged over the file's own participants (РИС ГИА protocols):
    /// the municipalities (Код МСУ) behind it, so that the app saves it as the region's only
    /// when the file covers the region. Empty when the file names no Код МСУ. nil for a value
    /// the file itself states for the region (a region row of ФИС ОКО).
    public var municipalities: [String]?

    public init(subject: String, grade: Int?, year: Int, value: String, measure: String, scope: Scope = .region, label: String = "",
                municipalities: [String]? = nil) {
        self.subject = subject; self.grade = grade; self.year = year; self.value = value
        self.measure = measure; self.scope = scope; self.label = label; self.municipalities = municipalities
    }
}

/// The rows of one imported file, the region's values and Russian notes about
/// what the importer did (skipped rows, rebuilt counts…).
public struct ResultFile<Row: Sendable & Equatable>: Sendable, Equatable {
    public var rows: [Row]
    public var references: [RegionReference]
    public var notes: [String]

    public init(rows: [Row], references: [RegionReference] = [], notes: [String] = []) {
        self.rows = rows; self.references = references; self.notes = notes
    }
}

/// The kinds of result files the app imports.
public enum ResultFileKind: String, CaseIterable, Sendable, Equatable {
    case ege, vpr, oge, term, objectivity, vprParticipants = "vpr_participants", context
    case journalComparison = "journal_comparison"

    public var title: String {
        switch self {
        case .ege: "Результаты ЕГЭ"
        case .vpr: "Результаты ВПР"
        case .oge: "Результаты ОГЭ"
        case .term: "Итоги четверти (полугодия)"
        case .objectivity: "Список школ с признаками необъективности"
        case .vprParticipants: "Результаты ВПР по участникам"
        case .context: "Контекстные данные школ (соцпаспорт, ИСБШ, НОКО)"
        case .journalComparison: "Сравнение отметок ВПР с отметками по журналу"
        }
    }
}

/// Codes of РИС ГИА (Код ОО, Код МСУ) compared as numbers: «0306», «306» and «306.0» are one code.
public enum GIACode {
    public static func normalized(_ text: String) -> String {
        var t = text.trimmed
        if t.hasSuffix(".0"), t.dropLast(2).allSatisfy(\.isNumber) { t.removeLast(2) }
        guard !t.isEmpty, t.allSatisfy(\.isNumber) else { return t }
        let stripped = t.drop { $0 == "0" }
        return stripped.isEmpty ? "0" : String(stripped)
    }
}
