import Domain
import Foundation

/// Deterministic, plausible exam results for the demo schools so that the monitoring
/// pages have something to show. Invented numbers; the schools with a status in the
/// seeds get somewhat weaker and less stable results.
public enum DemoResults {
    public struct EGE: Sendable { public var schoolCode: String; public var year: Int; public var subject: String; public var participants: Int; public var average: String }
    public struct VPR: Sendable { public var schoolCode: String; public var year: Int; public var subject: String; public var grade: Int; public var counts: [Int] }

    public static let years = Array(2021...2025)
    /// Regional ЕГЭ averages by subject and year (invented, in the range of recent years).
    public static let regional: [String: [Int: String]] = [
        "russian": [2021: "68.4", 2022: "69.1", 2023: "70.2", 2024: "69.8", 2025: "70.5"],
        "math_profile": [2021: "55.2", 2022: "56.0", 2023: "54.8", 2024: "57.1", 2025: "57.9"],
    ]

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    static func seed(_ code: String) -> UInt64 { code.utf8.reduce(1469598103934665603) { ($0 ^ UInt64($1)) &* 1099511628211 } }

    public static func ege() -> [EGE] {
        var out: [EGE] = []
        for s in DemoCatalog.schools where ["СОШ", "Гимназия", "Лицей", "СОШИ", "Центр образования"].contains(s.draft.kind) {
            var g = Generator(state: seed(s.draft.code))
            let weak = s.statuses.contains { $0.lowResults }
            for subject in ["russian", "math_profile"] {
                let base = subject == "russian" ? (weak ? 620 : 690) : (weak ? 470 : 560)
                for y in years {
                    let n = g.int(weak ? 8...25 : 15...60)
                    let avg = base + g.int(-45...45) + (s.isLeader ? 40 : 0)
                    out.append(EGE(schoolCode: s.draft.code, year: y, subject: subject, participants: n, average: "\(avg / 10).\(avg % 10)"))
                }
            }
        }
        return out
    }

    public static func vpr() -> [VPR] {
        var out: [VPR] = []
        for s in DemoCatalog.schools {
            var g = Generator(state: seed(s.draft.code) ^ 0x9E3779B97F4A7C15)
            let weak = s.statuses.contains { $0.lowResults }
            for subject in ["russian", "math"] {
                for grade in [5, 6] {
                    for y in years {
                        let n = g.int(weak ? 12...45 : 30...95)
                        var twoShare = weak ? g.int(8...45) : g.int(2...18)
                        // A visible case for indicator 2: the share of «2» jumps in 2025 at weak schools (grade 5 mathematics).
                        if weak && subject == "math" && grade == 5 { twoShare = y == 2025 ? 52 : (y == 2024 ? 12 : twoShare) }
                        let two = n * twoShare / 100
                        let five = n * g.int(s.isLeader ? 20...35 : 5...18) / 100
                        let four = (n - two - five) * g.int(35...55) / 100
                        out.append(VPR(schoolCode: s.draft.code, year: y, subject: subject, grade: grade, counts: [two, n - two - four - five, four, five]))
                    }
                }
            }
        }
        return out
    }

    /// Invented contextual figures of the last two years for every demo school: social
    /// passport, the index of social well-being, self-examination and НОКО results.
    public static func contexts(_ code: String) -> [SchoolContextDraft] {
        var out: [SchoolContextDraft] = []
        for s in DemoCatalog.schools where s.draft.code == code {
            var g = Generator(state: seed(s.draft.code) ^ 0x2545F4914F6CDD1D)
            let weak = s.statuses.contains { $0.lowResults }, hard = s.statuses.contains { $0.difficultConditions }
            let students = g.int(weak ? 180...520 : 350...1100)
            for y in [2024, 2025] {
                let tenths = { (r: ClosedRange<Int>) in Double(g.int(r)) / 10 }
                out.append(SchoolContextDraft(
                    year: y, studentsCount: students + g.int(-20...20), teachersCount: students / 14 + g.int(0...6),
                    lowIncomeShare: tenths(hard || weak ? 180...420 : 40...160), disabledShare: tenths(20...90),
                    nonNativeShare: tenths(0...60), riskFamiliesShare: tenths(hard ? 20...70 : 0...25),
                    socialWellbeingIndex: Double(g.int(hard || weak ? 35...62 : 60...88)) / 100,
                    qualifiedTeachersShare: tenths(weak ? 280...520 : 450...780),
                    nokoCompletion: tenths(weak ? 380...560 : (s.isLeader ? 680...820 : 540...700)),
                    nokoBelowBaseShare: tenths(weak ? 150...340 : (s.isLeader ? 5...40 : 40...160))))
            }
        }
        return out
    }
}
