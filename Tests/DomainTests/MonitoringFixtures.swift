import Foundation
@testable import Domain

/// Small builders for monitoring inputs; ids are readable: "ege-A-russian-2025".
enum MF {
    static func r(_ text: String) -> Rational { Rational(decimal: text)! }

    static func ege(_ school: String, _ year: Int, _ n: Int, _ avg: String, subject: String = "russian",
                    sd: Double? = nil) -> EGEInput {
        EGEInput(resultID: "ege-\(school)-\(subject)-\(year)", schoolCode: school, year: year, subject: subject,
                 participants: n, average: r(avg), sd: sd)
    }

    static func vpr(_ school: String, _ year: Int, _ counts: [Int], subject: String = "math", grade: Int = 5,
                    participants: Int? = nil) -> VPRInput {
        VPRInput(resultID: "vpr-\(school)-\(subject)-\(grade)-\(year)", schoolCode: school, year: year, subject: subject,
                 grade: grade, participants: participants ?? counts.reduce(0, +), marks: .counts(MarkCounts(counts)!))
    }

    static func vprPercent(_ school: String, _ year: Int, _ n: Int, _ shares: [String], subject: String = "math",
                           grade: Int = 5) -> VPRInput {
        VPRInput(resultID: "vpr-\(school)-\(subject)-\(grade)-\(year)", schoolCode: school, year: year, subject: subject,
                 grade: grade, participants: n, marks: .percentages(shares.map(r)))
    }

    static func schools(_ codes: [String]) -> [SchoolRef] { codes.map { SchoolRef(code: $0, name: "Школа \($0)") } }

    /// DOMAIN §4 worked example: ЕГЭ, Russian, three schools, exam years 2024 and 2025.
    static let workedEGE: [EGEInput] = [
        ege("A", 2024, 20, "60.0"), ege("B", 2024, 30, "70.0"), ege("C", 2024, 50, "65.0"),
        ege("A", 2025, 25, "62.0"), ege("B", 2025, 25, "66.0"), ege("C", 2025, 50, "68.0"),
    ]

    static func worked(settings: MonitoringSettings = .default) -> MonitoringInput {
        MonitoringInput(year: 2025, schools: schools(["A", "B", "C"]), ege: workedEGE, settings: settings)
    }

    static func cell1(_ result: MonitoringResult, _ school: String, _ subject: String = "russian") -> Indicator1Cell {
        result.school(school)!.indicator1.first { $0.subject == subject }!
    }

    static func cell2(_ result: MonitoringResult, _ school: String, _ subject: String = "math", grade: Int = 5) -> Indicator2Cell {
        result.school(school)!.indicator2.first { $0.subject == subject && $0.grade == grade }!
    }

    /// A deterministic shuffle (SplitMix64) so that order-independence tests repeat.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
