import Foundation

/// The editable fields of a school card, as entered in a form or read from an
/// import row. `validate()` gives every problem at once, in Russian.
public struct SchoolDraft: Sendable, Equatable, Codable {
    public var code: String
    public var fullName: String
    public var shortName: String
    public var kind: String
    public var legalForm: String
    public var directorName: String
    public var address: String
    public var phone: String
    public var email: String
    public var fisOkoLogin: String
    public var giaCode: String

    public init(code: String = "", fullName: String = "", shortName: String = "", kind: String = "",
                legalForm: String = "", directorName: String = "", address: String = "", phone: String = "",
                email: String = "", fisOkoLogin: String = "", giaCode: String = "") {
        self.code = code; self.fullName = fullName; self.shortName = shortName; self.kind = kind
        self.legalForm = legalForm; self.directorName = directorName; self.address = address
        self.phone = phone; self.email = email; self.fisOkoLogin = fisOkoLogin; self.giaCode = giaCode
    }

    private enum CodingKeys: String, CodingKey {
        case code, fullName, shortName, kind, legalForm, directorName, address, phone, email, fisOkoLogin, giaCode
    }

    /// As the API documents it (openapi.yaml): `code`, `fullName` and `shortName` are required, the
    /// other fields may be left out and are then empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ k: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: k) ?? "" }
        self.init(code: try c.decode(String.self, forKey: .code), fullName: try c.decode(String.self, forKey: .fullName),
                  shortName: try c.decode(String.self, forKey: .shortName), kind: try text(.kind), legalForm: try text(.legalForm),
                  directorName: try text(.directorName), address: try text(.address), phone: try text(.phone), email: try text(.email),
                  fisOkoLogin: try text(.fisOkoLogin), giaCode: try text(.giaCode))
    }

    public enum Field {
        public static let code = "code", fullName = "full_name", shortName = "short_name", kind = "kind"
        public static let legalForm = "legal_form", directorName = "director", address = "address"
        public static let phone = "phone", email = "email", fisOkoLogin = "fis_oko_login", giaCode = "gia_code"
    }

    public static let kinds = ["СОШ", "ООШ", "НОШ", "ООШИ", "СОШИ", "Гимназия", "Лицей", "Школа-интернат", "Кадетская школа", "Центр образования", "СКОШ"]
    public static let legalForms = ["МБОУ", "МАОУ", "МКОУ", "МБОУ-СОШ", "ГБОУ", "ГКОУ", "ЧОУ", "АНОО"]

    /// Trims every field and normalises identifiers (login to its 6 digits).
    public func normalized() -> SchoolDraft {
        var d = self
        for kp in [\SchoolDraft.code, \.fullName, \.shortName, \.kind, \.legalForm, \.directorName, \.address, \.phone, \.email, \.giaCode, \.fisOkoLogin] {
            d[keyPath: kp] = d[keyPath: kp].trimmed
        }
        if let digits = FisOkoLogin.digits(d.fisOkoLogin) { d.fisOkoLogin = digits }
        if !d.kind.isEmpty, !Self.kinds.contains(d.kind) {
            let kind = d.kind.lowercased()
            if let k = Self.kinds.first(where: { $0.lowercased() == kind }) { d.kind = k }
        }
        d.legalForm = d.legalForm.uppercased()
        return d
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if code.isEmpty {
            errors.append(.init(field: Field.code, message: "Укажите код школы — по нему школа узнаётся при повторной загрузке файлов."))
        } else if code.count > 32 || code.contains(where: { $0.isWhitespace }) {
            errors.append(.init(field: Field.code, message: "Код школы — до 32 символов без пробелов, например 23-ARM-006."))
        }
        if fullName.count < 5 {
            errors.append(.init(field: Field.fullName, message: "Укажите полное наименование школы по уставу (не короче 5 символов)."))
        }
        if shortName.isEmpty {
            errors.append(.init(field: Field.shortName, message: "Укажите краткое наименование, например «МБОУ СОШ № 6»."))
        }
        if !kind.isEmpty && !Self.kinds.contains(kind) {
            errors.append(.init(field: Field.kind, message: "Вид школы «\(kind)» не из списка: " + Self.kinds.joined(separator: ", ") + "."))
        }
        if !fisOkoLogin.isEmpty && FisOkoLogin.digits(fisOkoLogin) == nil {
            errors.append(.init(field: Field.fisOkoLogin, message: "Логин ФИС ОКО — «edu» или «sch» и 6 цифр, например edu233001."))
        }
        if !giaCode.isEmpty && (giaCode.count > 10 || !giaCode.allSatisfy(\.isNumber)) {
            errors.append(.init(field: Field.giaCode, message: "Код ОО в РИС ГИА — только цифры (до 10), например 9306."))
        }
        if !email.isEmpty && !Self.looksLikeEmail(email) {
            errors.append(.init(field: Field.email, message: "Адрес электронной почты должен быть вида name@example.ru."))
        }
        return errors
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@")
        return parts.count == 2 && parts[1].contains(".") && !s.contains(" ")
    }
}

/// Status flags of a school for one year (DOMAIN §2 SchoolStatus).
public struct SchoolStatusDraft: Sendable, Equatable, Codable {
    public var year: Int
    public var lowResults: Bool
    public var difficultConditions: Bool
    public var program500: Bool
    public var objectivityRisk: Bool
    public var orderNumber: String
    public var orderDate: Date?
    public var note: String

    public init(year: Int, lowResults: Bool = false, difficultConditions: Bool = false, program500: Bool = false,
                objectivityRisk: Bool = false, orderNumber: String = "", orderDate: Date? = nil, note: String = "") {
        self.year = year; self.lowResults = lowResults; self.difficultConditions = difficultConditions
        self.program500 = program500; self.objectivityRisk = objectivityRisk; self.orderNumber = orderNumber
        self.orderDate = orderDate; self.note = note
    }

    public var hasAnyFlag: Bool { lowResults || difficultConditions || program500 || objectivityRisk }

    public func validate() -> [FieldError] {
        var e: [FieldError] = []
        if !(2000...2100).contains(year) { e.append(.init(field: "year", message: "Укажите год от 2000 до 2100.")) }
        if orderDate != nil && orderNumber.trimmingCharacters(in: .whitespaces).isEmpty {
            e.append(.init(field: "order_number", message: "Укажите номер приказа, которым установлен статус."))
        }
        return e
    }
}

/// Contextual data of a school for one year (DOMAIN §4 "additional indicators").
public struct SchoolContextDraft: Sendable, Equatable, Codable {
    public var year: Int
    public var studentsCount: Int?
    public var teachersCount: Int?
    /// Social passport: shares in percent.
    public var lowIncomeShare: Double?
    public var disabledShare: Double?
    public var nonNativeShare: Double?
    public var riskFamiliesShare: Double?
    /// Индекс социального благополучия школы.
    public var socialWellbeingIndex: Double?
    /// Self-examination (самообследование): free text and the share of teachers with a category.
    public var selfExamination: String
    public var qualifiedTeachersShare: Double?
    /// Independent quality assessment (НОКО): average completion of the work, %, and the
    /// share of participants who did not reach the base level, %.
    public var nokoCompletion: Double?
    public var nokoBelowBaseShare: Double?

    public init(year: Int, studentsCount: Int? = nil, teachersCount: Int? = nil, lowIncomeShare: Double? = nil,
                disabledShare: Double? = nil, nonNativeShare: Double? = nil, riskFamiliesShare: Double? = nil,
                socialWellbeingIndex: Double? = nil, selfExamination: String = "", qualifiedTeachersShare: Double? = nil,
                nokoCompletion: Double? = nil, nokoBelowBaseShare: Double? = nil) {
        self.year = year; self.studentsCount = studentsCount; self.teachersCount = teachersCount
        self.lowIncomeShare = lowIncomeShare; self.disabledShare = disabledShare; self.nonNativeShare = nonNativeShare
        self.riskFamiliesShare = riskFamiliesShare; self.socialWellbeingIndex = socialWellbeingIndex
        self.selfExamination = selfExamination; self.qualifiedTeachersShare = qualifiedTeachersShare
        self.nokoCompletion = nokoCompletion; self.nokoBelowBaseShare = nokoBelowBaseShare
    }

    public func validate() -> [FieldError] {
        var e: [FieldError] = []
        if !(2000...2100).contains(year) { e.append(.init(field: "year", message: "Укажите год от 2000 до 2100.")) }
        for f in Self.figures {
            switch f.value {
            case .count(let p): if let v = self[keyPath: p], v < 0, let m = f.rangeMessage { e.append(.init(field: f.key, message: m)) }
            case .decimal(let p): if let v = self[keyPath: p], f.percent, !(0...100).contains(v), let m = f.rangeMessage { e.append(.init(field: f.key, message: m)) }
            }
        }
        return e
    }

    /// The figures of a school's context, each once: its key (form field, file column),
    /// title, group and place in the draft, how it is shown and checked. The form, the
    /// import, the card, the summary table and `validate` all read this list.
    public static let figures: [ContextFigure] = {
        let share = "Доля — число от 0 до 100 (в процентах)."
        let contingent = "Контингент", passport = "Социальный паспорт", wellbeing = "ИСБШ и самообследование"
        let noko = "Независимая оценка качества образования (НОКО)"
        return [
            .init("students_count", "Обучающихся, чел.", contingent, .count(\.studentsCount), check: "Число обучающихся не может быть отрицательным."),
            .init("teachers_count", "Педагогов, чел.", contingent, .count(\.teachersCount), check: "Число педагогов не может быть отрицательным."),
            .init("low_income_share", "Дети из малообеспеченных семей, %", passport, .decimal(\.lowIncomeShare), percent: true, check: share),
            .init("disabled_share", "Дети с ОВЗ и инвалидностью, %", passport, .decimal(\.disabledShare), percent: true, check: share),
            .init("non_native_share", "Дети, для которых русский язык не родной, %", passport, .decimal(\.nonNativeShare), percent: true, check: share),
            .init("risk_families_share", "Семьи в социально опасном положении, %", passport, .decimal(\.riskFamiliesShare), percent: true, check: share),
            .init("social_wellbeing_index", "Индекс социального благополучия школы", wellbeing, .decimal(\.socialWellbeingIndex), digits: 2),
            .init("qualified_teachers_share", "Педагоги с высшей и первой категорией, %", wellbeing, .decimal(\.qualifiedTeachersShare), percent: true, check: share),
            .init("noko_completion", "НОКО: средний процент выполнения", noko, .decimal(\.nokoCompletion), percent: true,
                  check: "Процент выполнения — число от 0 до 100."),
            .init("noko_below_base_share", "НОКО: не достигли базового уровня, %", noko, .decimal(\.nokoBelowBaseShare), percent: true, check: share),
        ]
    }()

    /// The figure as the card and the summary table show it (decimal comma), nil when not entered.
    public func formatted(_ f: ContextFigure) -> String? {
        switch f.value {
        case .count(let p): self[keyPath: p].map(RuFormat.integer)
        case .decimal(let p): self[keyPath: p].map { RuFormat.decimal($0, digits: f.digits) }
        }
    }
}

/// One figure of a school's context (see `SchoolContextDraft.figures`).
public struct ContextFigure: @unchecked Sendable {   // key paths are immutable values
    public enum Value { case count(WritableKeyPath<SchoolContextDraft, Int?>), decimal(WritableKeyPath<SchoolContextDraft, Double?>) }
    public let key: String, title: String, group: String, value: Value
    /// Decimals shown; `percent`: a value in % (checked to lie in 0…100); `rangeMessage`:
    /// what to say when a value is out of range (negative counts, percentages over 100).
    public let digits: Int, percent: Bool, rangeMessage: String?
    public var isCount: Bool { if case .count = value { true } else { false } }

    /// Reads what was typed or imported (spaces ignored, decimal comma or point) into the
    /// draft; empty clears the figure. Returns what was expected when `text` is no number.
    public func read(_ text: String, into d: inout SchoolContextDraft) -> String? {
        let trimmed = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: RuFormat.thinSpace, with: "")
        switch value {
        case .count(let p):
            guard !trimmed.isEmpty else { d[keyPath: p] = nil; return nil }
            guard let n = Int(trimmed) else { return "Ожидается целое число, а введено «\(text)»." }
            d[keyPath: p] = n
        case .decimal(let p):
            guard !trimmed.isEmpty else { d[keyPath: p] = nil; return nil }
            guard let x = RuFormat.parseDecimal(trimmed) else { return "Ожидается число (можно с запятой), а введено «\(text)»." }
            d[keyPath: p] = x
        }
        return nil
    }

    /// The value as it goes back into the form: no thousands separator, two decimals.
    public func formText(_ d: SchoolContextDraft) -> String {
        switch value {
        case .count(let p): d[keyPath: p].map(String.init) ?? ""
        case .decimal(let p): d[keyPath: p].map { RuFormat.decimal($0, digits: 2).replacingOccurrences(of: RuFormat.thinSpace, with: "") } ?? ""
        }
    }

    init(_ key: String, _ title: String, _ group: String, _ value: Value, digits: Int = 1, percent: Bool = false, check: String? = nil) {
        self.key = key; self.title = title; self.group = group; self.value = value
        self.digits = digits; self.percent = percent; self.rangeMessage = check
    }
}
