import Foundation
import Domain

/// The procedure of a Rosobrnadzor flag as written in the list («ВПР», «ОГЭ», «ЕГЭ,
/// русский язык», «ВПР, 5 класс, математика»), so that a flag excludes only results of
/// its own procedure (DOMAIN §4: excluding by the list applies to ВПР only).
public enum ObjectivityProcedure {
    public struct Parsed: Sendable, Equatable {
        /// nil when no procedure name is recognised.
        public var kind: ProcedureKind?
        public var subject: String?
        public var grade: Int?
    }

    public static func parse(_ text: String) -> Parsed {
        let lower = text.lowercased()
        var out = Parsed()
        // Latin lookalikes are common in hand-made lists: «BПP», «EГЭ».
        let folded = String(lower.map { c -> Character in
            switch c { case "b": "в"; case "p": "р"; case "e": "е"; case "o": "о"; default: c }
        })
        let kinds: [(String, ProcedureKind)] = [("впр", .vpr), ("огэ", .oge), ("гиа-9", .oge), ("егэ", .ege), ("гиа-11", .ege)]
        let found = kinds.filter { folded.contains($0.0) }.map(\.1)
        if Set(found).count == 1 { out.kind = found[0] }     // two procedures named: not one procedure
        let parts = lower.split(whereSeparator: { ",;()".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        for part in parts where !part.isEmpty {
            var words = part.split(separator: " ").map(String.init)
            if words.contains(where: { $0.hasPrefix("класс") || $0.hasPrefix("кл.") || $0 == "кл" }),
               let g = words.compactMap({ Int($0.filter(\.isNumber)) }).first, (1...11).contains(g) {
                out.grade = g
                words.removeAll { $0.hasPrefix("класс") || $0.hasPrefix("кл") || $0.contains(where: \.isNumber) }
            }
            words.removeAll { ["впр", "огэ", "егэ", "гиа-9", "гиа-11"].contains($0) }
            if !words.isEmpty, let s = Subjects.canonical(words.joined(separator: " "), exam: out.kind == .ege ? .ege : nil) {
                out.subject = s
            }
        }
        return out
    }
}
