import Foundation

/// School subjects of ВПР, ОГЭ and ЕГЭ under stable codes. Names are matched
/// ignoring case, ё, punctuation and extra words like «язык» where unambiguous;
/// ФИС ОКО sheet abbreviations (РУ, МА, ОМ…) are accepted too.
public enum Subjects {
    /// (code, Russian title, other spellings and abbreviations)
    static let table: [(String, String, [String])] = [
        ("russian", "Русский язык", ["русский", "ру", "рус", "russian", "русский язык и литература"]),
        ("math", "Математика", ["ма", "мат", "math", "алгебра"]),
        ("math_profile", "Математика (профильный уровень)", ["математика профильная", "профильная математика",
            "математика профиль", "математика п", "мп", "математика профильного уровня", "математика профильный уровень"]),
        ("math_base", "Математика (базовый уровень)", ["математика базовая", "базовая математика", "математика база",
            "математика б", "мб", "математика базового уровня", "математика базовый уровень"]),
        ("math_advanced", "Математика (углублённый уровень)", ["математика углубленная", "ма-у", "ма у", "математика углубленный уровень"]),
        ("physics", "Физика", ["фи", "physics"]),
        ("physics_advanced", "Физика (углублённый уровень)", ["физика углубленная", "фи-у", "фи у", "физика углубленный уровень"]),
        ("chemistry", "Химия", ["хи", "chemistry"]),
        ("biology", "Биология", ["би", "biology"]),
        ("history", "История", ["ис", "history", "история россии"]),
        ("social_studies", "Обществознание", ["об", "общество", "social_studies", "social studies"]),
        ("geography", "География", ["ге", "geography"]),
        ("world_around", "Окружающий мир", ["ом", "окр мир", "world_around"]),
        ("english", "Английский язык", ["английский", "ан", "англ", "english", "иностранный язык английский", "английский язык письменная часть"]),
        ("german", "Немецкий язык", ["немецкий", "не", "german", "иностранный язык немецкий"]),
        ("french", "Французский язык", ["французский", "фр", "french", "иностранный язык французский"]),
        ("spanish", "Испанский язык", ["испанский", "spanish", "иностранный язык испанский"]),
        ("chinese", "Китайский язык", ["китайский", "ки", "chinese", "иностранный язык китайский"]),
        ("literature", "Литература", ["ли", "лит", "literature"]),
        ("informatics", "Информатика", ["ин", "инф", "информатика и икт", "кегэ", "informatics", "информатика кегэ"]),
    ]

    static let byName: [String: String] = {
        var map: [String: String] = [:]
        for (code, title, aliases) in table {
            for name in [code, title] + aliases { map[key(name)] = code }
        }
        return map
    }()

    /// Comparison form: lower case, ё → е, punctuation and «уровень»-style brackets
    /// turned into spaces, runs of spaces collapsed.
    static func key(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        let cleaned = lowered.map { c -> Character in
            (c.isLetter || c.isNumber || c == "_" || c == "-") ? c : " "
        }
        return String(cleaned).split(separator: " ").joined(separator: " ")
    }

    /// The canonical code of a subject name, or nil when it is not recognised.
    /// `exam: .ege` reads a bare «Математика»/«МА» as the profile level (the usual
    /// meaning in ЕГЭ reports); elsewhere it is ВПР/ОГЭ «math».
    public static func canonical(_ text: String, exam: ResultFileKind? = nil) -> String? {
        var k = key(text)
        if k.isEmpty { return nil }
        if k.hasPrefix("впр ") { k.removeFirst(4) }
        if k.hasSuffix(" язык") && byName[k] == nil { k.removeLast(5) }
        var code = byName[k]
        if code == nil, k.contains("математик") {
            if k.contains("профил") { code = "math_profile" } else if k.contains("базов") { code = "math_base" }
            else if k.contains("углубл") { code = "math_advanced" }
        }
        if code == nil, k.contains("физик"), k.contains("углубл") { code = "physics_advanced" }
        if code == nil, k.contains("иностранн") || k.contains("язык") {
            for (lang, c) in [("англ", "english"), ("немец", "german"), ("француз", "french"), ("испан", "spanish"), ("китай", "chinese")]
            where k.contains(lang) { code = c }
        }
        if exam == .ege, code == "math" { return "math_profile" }
        return code
    }

    /// The Russian title of a code (the code itself when unknown).
    public static func title(_ code: String) -> String {
        table.first { $0.0 == code }?.1 ?? code
    }

    /// All codes, in table order.
    public static var codes: [String] { table.map(\.0) }

    /// A hint for «unknown subject» errors.
    static let examples = "Русский язык, Математика, Математика (профильный уровень), Физика, Обществознание, Английский язык"

    static func unknownMessage(_ text: String) -> String {
        "Предмет «\(text)» не распознан. Напишите название полностью, например: \(examples)."
    }
}
