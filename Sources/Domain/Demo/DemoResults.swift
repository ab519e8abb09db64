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
}
