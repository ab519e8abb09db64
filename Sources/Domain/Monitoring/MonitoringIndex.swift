import Foundation

/// What the index needs of an ЕГЭ or ВПР record.
protocol MonitoringRecord {
    var resultID: String { get }
    var schoolCode: String { get }
    var subject: String { get }
    var year: Int { get }
    var participants: Int { get }
    var gradeKey: Int { get }
}
extension EGEInput: MonitoringRecord { var gradeKey: Int { 0 } }
extension VPRInput: MonitoringRecord { var gradeKey: Int { grade } }

/// (subject rank, grade, year) packed in 32 bits: rank 12 bits, grade 6, year 14.
/// Ranks follow subject names, so sorted keys give a deterministic order.
struct Entry { var key: UInt32; var record: Int32 }

/// Records of years Y−1 and Y grouped per school in one flat array (counting sort):
/// each school's slice is sorted by key and deduplicated, found by binary search.
/// Aggregates per municipality × (subject, grade, year) are addressed directly through
/// `slot`, so the whole computation does no hashing beyond the school-code lookup.
struct RecordIndex {
    var start: [Int32] = [], end: [Int32] = [], entries: [Entry] = []
    /// Per input record: its aggregate slot, −1 when it is not used.
    var slot: [Int32] = []

    func find(school s: Int, key: UInt32) -> Int? {
        var lo = Int(start[s]), hi = Int(end[s])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if entries[mid].key < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(end[s]) && entries[lo].key == key ? Int(entries[lo].record) : nil
    }

    func records(school s: Int) -> ArraySlice<Entry> { entries[Int(start[s])..<Int(end[s])] }
}

struct MonitoringIndex {
    /// Schools sorted by code: every output follows this order, whatever the input order.
    let schools: [SchoolRef]
    let schoolIndex: [String: Int]
    let municipalityOf: [Int32]
    let municipalities: [String]
    let year: Int
    var subjectRank: [String: UInt32] = [:]
    var ege = RecordIndex(), vpr = RecordIndex()
    /// Dense ids of (subject rank, grade, year) met in the data; slot = municipality·D + dense.
    var dense: [UInt32: Int32] = [:]
    /// Marks 2…5 of each used ВПР record, four per record (−1 without participants): the
    /// given counts, or those rebuilt from published percentages (`MarkCounts.rebuilt`,
    /// what indicator 2 computes with). Read once here, so later passes touch plain integers.
    var vprCounts: [Int32] = []
    /// Per ВПР record: its `vprCounts` were rebuilt from percentages. The objectivity check
    /// and the federal risk flag keep reading the published percentages of such records.
    var vprRebuilt: [Bool] = []
    var warnings: [String] = []

    init(_ input: MonitoringInput) {
        // A list already in strictly increasing code order has no repeats and needs no sort.
        let ordered = zip(input.schools, input.schools.dropFirst()).allSatisfy { $0.code < $1.code }
        var seen = Set<String>(), list: [SchoolRef] = []
        if ordered { list = input.schools } else {
            for s in input.schools where seen.insert(s.code).inserted { list.append(s) }
            list.sort { $0.code < $1.code }
        }
        schools = list; year = input.year
        var index: [String: Int] = [:], munIndex: [String: Int32] = [:], muns: [String] = [], munOf: [Int32] = []
        index.reserveCapacity(list.count); munOf.reserveCapacity(list.count)
        for (i, s) in list.enumerated() {
            index[s.code] = i
            if let m = munIndex[s.municipality] { munOf.append(m) } else {
                munIndex[s.municipality] = Int32(muns.count); munOf.append(Int32(muns.count)); muns.append(s.municipality)
            }
        }
        if !ordered && seen.count != input.schools.count { warnings.append("В списке школ есть повторяющиеся коды; использована первая запись.") }
        schoolIndex = index; municipalities = muns; municipalityOf = munOf

        // Pass 1: school and subject of every record of Y−1 and Y.
        var names = Set(input.settings.egeSubjects + input.settings.vprSubjects)
        var unknown = Set<String>()
        let egeSchools = Self.schoolsOf(input.ege, index, input.year, &names, &unknown)
        let vprSchools = Self.schoolsOf(input.vpr, index, input.year, &names, &unknown)
        for (r, n) in names.sorted().enumerated() { subjectRank[n] = UInt32(r) }
        if !unknown.isEmpty {
            warnings.append("Результаты школ, которых нет в списке школ, не учтены: " + unknown.sorted().joined(separator: ", ") + ".")
        }
        // Pass 2: keys, aggregate slots, counting sort per school.
        ege = build(input.ege, egeSchools, kind: "ЕГЭ")
        vpr = build(input.vpr, vprSchools, kind: "ВПР")
        vprCounts = [Int32](repeating: -1, count: input.vpr.count * 4)
        vprRebuilt = [Bool](repeating: false, count: input.vpr.count)
        for i in input.vpr.indices where vpr.slot[i] >= 0 {
            let n = input.vpr[i].participants
            guard n > 0 else { continue }
            let k: MarkCounts
            switch input.vpr[i].marks {
            case .counts(let given): k = given
            case .percentages(let p):
                guard p.count == 4 else { continue }
                k = MarkCounts.rebuilt(p[0], p[1], p[2], p[3], participants: n).counts
                vprRebuilt[i] = true
            }
            for m in 0..<4 { vprCounts[4 * i + m] = Int32(clamping: k[m]) }
        }
        let d = Int32(dense.count)
        for i in ege.slot.indices where ege.slot[i] >= 0 { ege.slot[i] = munOf[Int(ege.slot[i] >> 12)] * d + (ege.slot[i] & 0xFFF) }
        for i in vpr.slot.indices where vpr.slot[i] >= 0 { vpr.slot[i] = munOf[Int(vpr.slot[i] >> 12)] * d + (vpr.slot[i] & 0xFFF) }
    }

    var slotCount: Int { municipalities.count * dense.count }

    /// The counts indicator 2 uses for ВПР record `i` (given or rebuilt); nil without participants.
    @inline(__always)
    func counts(_ i: Int) -> MarkCounts? {
        let b = 4 * i
        guard vprCounts[b] >= 0 else { return nil }
        return MarkCounts(Int(vprCounts[b]), Int(vprCounts[b + 1]), Int(vprCounts[b + 2]), Int(vprCounts[b + 3]))
    }

    /// Whether ВПР record `i` came with counts of its own (not rebuilt from percentages).
    @inline(__always)
    func hasGivenCounts(_ i: Int) -> Bool { vprCounts[4 * i] >= 0 && !vprRebuilt[i] }

    func key(_ subject: String, grade: Int, year: Int) -> UInt32? {
        guard let r = subjectRank[subject], (0..<64).contains(grade) else { return nil }
        return r << 20 | UInt32(grade) << 14 | UInt32(year & 0x3FFF)
    }

    /// The aggregate slot of a municipality and key, nil when no record has that key.
    func slot(municipality m: Int32, key: UInt32) -> Int? {
        dense[key].map { Int(m) * dense.count + Int($0) }
    }

    private func denseIndex(_ key: UInt32) -> Int {
        Int(key >> 20) * 128 + Int((key >> 14) & 0x3F) * 2 + (Int(key & 0x3FFF) == year & 0x3FFF ? 1 : 0)
    }

    private static func schoolsOf<R: MonitoringRecord>(_ records: [R], _ index: [String: Int], _ year: Int,
                                                       _ names: inout Set<String>, _ unknown: inout Set<String>) -> [Int32] {
        var out = [Int32](repeating: -1, count: records.count)
        var lastCode = "", lastSchool = -1, seen: [String] = []
        for i in records.indices {
            let y = records[i].year
            guard y == year || y == year - 1 else { continue }
            let code = records[i].schoolCode
            if code != lastCode || lastSchool < 0 {
                lastCode = code
                lastSchool = index[code] ?? -1
                if lastSchool < 0 { unknown.insert(code) }
            }
            guard lastSchool >= 0 else { continue }
            out[i] = Int32(lastSchool)
            let subject = records[i].subject
            if !seen.contains(subject) { seen.append(subject); names.insert(subject) } // subjects are few
        }
        return out
    }

    private mutating func build<R: MonitoringRecord>(_ records: [R], _ schoolOf: [Int32], kind: String) -> RecordIndex {
        var x = RecordIndex()
        let n = schools.count
        var count = [Int32](repeating: 0, count: n + 1)
        for s in schoolOf where s >= 0 { count[Int(s) + 1] += 1 }
        for i in 0..<n { count[i + 1] += count[i] }
        x.start = Array(count.prefix(n)); x.end = x.start
        x.entries = [Entry](repeating: Entry(key: 0, record: 0), count: Int(count[n]))
        x.slot = [Int32](repeating: -1, count: records.count)
        // Subjects are few: a short list compared with == beats hashing every record.
        let ranks = subjectRank.map { ($0.key, $0.value) }
        var denseTable = [Int32](repeating: -1, count: ranks.count * 64 * 2)
        for (key, d) in dense { denseTable[denseIndex(key)] = d }
        for i in records.indices where schoolOf[i] >= 0 {
            let s = Int(schoolOf[i])
            let subject = records[i].subject
            var rank: UInt32 = 0
            for (name, r) in ranks where name == subject { rank = r; break }
            let year = records[i].year
            let key = rank << 20 | UInt32(records[i].gradeKey & 0x3F) << 14 | UInt32(year & 0x3FFF)
            x.entries[Int(x.end[s])] = Entry(key: key, record: Int32(i))
            x.end[s] += 1
            let t = Int(rank) * 128 + (records[i].gradeKey & 0x3F) * 2 + (year == self.year ? 1 : 0)
            if denseTable[t] < 0 { denseTable[t] = Int32(dense.count); dense[key] = denseTable[t] }
            x.slot[i] = Int32(s) << 12 | denseTable[t] // school for now; turned into a municipality slot in init
        }
        for s in 0..<n where x.end[s] - x.start[s] > 1 { dedupe(&x, s, records, kind: kind) }
        return x
    }

    /// Sorts one school's slice by key; of records with the same key keeps the one with
    /// more participants (then the smaller id) and says so.
    private mutating func dedupe<R: MonitoringRecord>(_ x: inout RecordIndex, _ s: Int, _ records: [R], kind: String) {
        let lo = Int(x.start[s]), hi = Int(x.end[s])
        // Insertion sort: a school's slice holds a handful of records.
        for r in (lo + 1)..<hi {
            let e = x.entries[r]
            var j = r
            while j > lo && (x.entries[j - 1].key, x.entries[j - 1].record) > (e.key, e.record) { x.entries[j] = x.entries[j - 1]; j -= 1 }
            x.entries[j] = e
        }
        var w = lo
        for r in lo..<hi {
            if w > lo && x.entries[w - 1].key == x.entries[r].key {
                let a = records[Int(x.entries[w - 1].record)], b = records[Int(x.entries[r].record)]
                let loser: Entry
                if (b.participants, a.resultID) > (a.participants, b.resultID) {
                    loser = x.entries[w - 1]; x.entries[w - 1] = x.entries[r]
                } else { loser = x.entries[r] }
                x.slot[Int(loser.record)] = -1
                warnings.append("Несколько результатов \(kind) школы \(b.schoolCode) (\(b.subject), \(b.year)); использован результат с большим числом участников.")
            } else {
                x.entries[w] = x.entries[r]; w += 1
            }
        }
        x.end[s] = Int32(w)
    }
}
