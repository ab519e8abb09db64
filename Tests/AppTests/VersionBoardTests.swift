@testable import App
import Domain
import DemoData
import Fluent
import Foundation
import Testing
import Vapor
import NIOConcurrencyHelpers
import VaporTesting

@Suite("Data versions read at most every fraction of a second") struct VersionBoardTests {
    @Test func boardKeepsFreshReadsAndForgetsOnWrite() {
        let board = VersionBoard(freshness: 60)
        let keys: [DataKey] = [.tenancy, .registry(UUID())]
        #expect(board.known(keys).values == nil)
        let (_, epoch) = board.known(keys)
        board.store(keys, [3, 7], at: VersionBoard.clock(), epoch: epoch)
        #expect(board.known(keys).values == [3, 7])
        #expect(board.known([.tenancy]).values == [3])
        #expect(board.known([.references(UUID())]).values == nil, "a key never read is read")
        board.forget()
        #expect(board.known(keys).values == nil)
        // A read that began before a write ended is not kept.
        let (_, before) = board.known(keys)
        board.forget()
        board.store(keys, [3, 7], at: VersionBoard.clock(), epoch: before)
        #expect(board.known(keys).values == nil)
        // Old reads are read again; a board of freshness 0 keeps nothing.
        board.store(keys, [4, 8], at: VersionBoard.clock() - 61_000_000_000, epoch: board.known(keys).epoch)
        #expect(board.known(keys).values == nil)
        let off = VersionBoard(freshness: 0)
        off.store(keys, [1, 1], at: VersionBoard.clock(), epoch: off.known(keys).epoch)
        #expect(off.known(keys).values == nil)
    }

    /// With reads kept for a minute, a change made through the app is on the next page at once
    /// (the POST forgets them), while a change behind the app's back waits for the board.
    @Test func ownWritesAreSeenAtOnce() async throws {
        try await withTestApp { app in
            app.versionBoard = VersionBoard(freshness: 60)
            let b = try await Browser.signIn("center", app)
            let school = try #require(try await School.query(on: app.db).filter(\.$code == DemoCatalog.schools[0].draft.code).first())
            #expect(try await b.get("/schools").body.string.contains(school.shortName))
            var draft = school.draft
            draft.shortName = "МБОУ СОШ № 6 имени Ю. Гагарина"
            let res = try await b.post("/schools/\(school.id!)", [("code", draft.code), ("short_name", draft.shortName), ("full_name", draft.fullName),
                                                                  ("kind", draft.kind), ("legal_form", draft.legalForm), ("director", draft.directorName),
                                                                  ("fis_oko_login", draft.fisOkoLogin), ("gia_code", draft.giaCode)])
            #expect(res.status == .seeOther)
            #expect(try await b.get("/schools").body.string.contains("имени Ю. Гагарина"))
            // Another process's change (written straight to the database): not seen while the reads are fresh…
            let row = try #require(try await School.find(school.id, on: app.db))
            row.shortName = "МБОУ СОШ № 6 (другой процесс)"
            try await row.update(on: app.db)
            try await DataVersion.bump([.registry(row.$municipality.id)], on: app.db)
            #expect(!(try await b.get("/schools").body.string.contains("другой процесс")))
            // …and seen once they are read again.
            app.versionBoard.forget()
            #expect(try await b.get("/schools").body.string.contains("другой процесс"))
        }
    }

    /// Readers that arrive while a value is being made wait for it: one computation, not one per reader.
    @Test func concurrentReadersShareOneComputation() async throws {
        let cache = VersionedCache()
        let made = NIOLockedValueBox(0)
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.value("k", versions: [7]) { () async throws -> Int in
                        made.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 20))
        #expect(made.withLockedValue { $0 } == 1)
        // New versions: made again, once; a reader arriving meanwhile gets the previous value at once.
        async let slow = cache.value("k", versions: [8]) { () async throws -> Int in
            made.withLockedValue { $0 += 1 }; try await Task.sleep(for: .milliseconds(300)); return 43
        }
        try await Task.sleep(for: .milliseconds(50))
        let meanwhile = try await cache.value("k", versions: [8]) { () async throws -> Int in Issue.record("made twice"); return 0 }
        #expect(meanwhile == 42)
        #expect(try await slow == 43)
        #expect(try await cache.value("k", versions: [8]) { () async throws -> Int in 0 } == 43)
        #expect(made.withLockedValue { $0 } == 2)
    }
}
