import Domain
/// Deterministic invented Russian names for the demo catalog. The surname pool
/// leaves out the surnames of every person named in the seeds (Мартынова,
/// Толстошей, Деревянко, Фенева, Мирчук, Аринцева, Радионова), so no invented
/// full name can match a real one.
struct DemoNameGenerator {
    struct Name: Hashable {
        var last: String, first: String, middle: String
        /// The masculine form of the surname.
        var base: String
        var full: String { "\(last) \(first) \(middle)" }
    }

    static let excludedSurnames: Set<String> = ["Мартынов", "Толстошей", "Деревянко", "Фенев", "Мирчук", "Аринцев", "Радионов", "Родионов"]

    static let surnames = [
        "Абрамов", "Белов", "Власов", "Гончаров", "Данилов", "Ефимов", "Жуков", "Зайцев", "Ильин", "Калинин",
        "Лебедев", "Макаров", "Назаров", "Орлов", "Павлов", "Романов", "Соболев", "Тарасов", "Устинов", "Фролов",
        "Хромов", "Цветков", "Чернов", "Шестаков", "Щукин", "Яковлев", "Беляев", "Воронин", "Гаврилов", "Дьяченко",
        "Евдокимов", "Захаров", "Игнатов", "Кравченко", "Литвинов", "Мельников", "Никитин", "Осипов", "Петренко",
        "Руденко", "Савченко", "Ткаченко", "Уваров", "Филиппов", "Харченко", "Шевченко", "Бондаренко", "Коваленко",
        "Лысенко", "Марченко", "Гордиенко", "Сидоренко", "Шаповалов", "Кузнецов", "Лукьянов", "Миронов", "Поляков",
        "Рябов", "Сорокин", "Титов", "Черкасов", "Широков", "Ярошенко", "Богданов", "Вдовин", "Гусев", "Дорохов",
        "Ершов", "Жданов", "Зуев", "Карпов", "Латышев", "Медведев", "Носков", "Овчинников", "Панов", "Субботин",
        "Трофимов", "Фомин", "Хохлов", "Чижов", "Шубин", "Юдин", "Кириленко", "Мащенко", "Волков", "Соловьёв",
    ]
    static let maleNames = [
        "Александр", "Алексей", "Андрей", "Владимир", "Дмитрий", "Евгений", "Игорь", "Константин", "Михаил",
        "Николай", "Олег", "Павел", "Роман", "Сергей", "Юрий", "Виктор", "Геннадий", "Иван", "Вадим", "Артём",
    ]
    static let femaleNames = [
        "Анна", "Валентина", "Галина", "Елена", "Екатерина", "Ирина", "Людмила", "Марина", "Наталья", "Ольга",
        "Светлана", "Татьяна", "Юлия", "Оксана", "Лариса", "Надежда", "Вера", "Мария", "Алла", "Инна", "Жанна",
        "Кристина", "Дарья", "Анастасия", "Виктория", "Евгения", "Любовь", "Нина",
    ]
    static let patronymics = [
        "Александрович", "Алексеевич", "Андреевич", "Викторович", "Владимирович", "Геннадьевич", "Дмитриевич",
        "Евгеньевич", "Иванович", "Игоревич", "Михайлович", "Николаевич", "Олегович", "Павлович", "Петрович",
        "Сергеевич", "Юрьевич", "Васильевич", "Анатольевич", "Григорьевич", "Борисович", "Валерьевич",
        "Степанович", "Фёдорович",
    ]

    private var state: UInt64
    private var used: Set<String> = []

    init(seed: UInt64) { state = seed }

    /// A fixed linear congruential generator (Knuth's MMIX constants).
    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    /// A new name, never repeated by this generator, with a surname not in
    /// `avoiding` (masculine forms). About three in four are women; `female`
    /// forces the choice.
    mutating func name(female: Bool? = nil, avoiding: Set<String> = []) -> Name {
        while true {
            let isFemale = female ?? (next(4) != 0)
            let base = Self.surnames[next(Self.surnames.count)]
            let patronymic = Self.patronymics[next(Self.patronymics.count)]
            let name = Name(
                last: isFemale ? Self.feminine(surname: base) : base,
                first: isFemale ? Self.femaleNames[next(Self.femaleNames.count)] : Self.maleNames[next(Self.maleNames.count)],
                middle: isFemale ? String(patronymic.dropLast(3)) + "вна" : patronymic, base: base)
            if Self.excludedSurnames.contains(base) || avoiding.contains(base) || used.contains(name.full) { continue }
            used.insert(name.full)
            return name
        }
    }

    static func feminine(surname s: String) -> String {
        if s.hasSuffix("ов") || s.hasSuffix("ев") || s.hasSuffix("ёв") || s.hasSuffix("ин") || s.hasSuffix("ын") { return s + "а" }
        if s.hasSuffix("ский") { return String(s.dropLast(2)) + "ая" }
        return s
    }
}
