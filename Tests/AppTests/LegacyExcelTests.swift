@testable import App
import Foundation
import Testing

/// The .xls converter runs off the cooperative pool, with its own profile and a kill timer.
@Suite("Legacy .xls conversion") struct LegacyExcelTests {
    static let xls = Data(LegacyExcel.magic + Array(repeating: 0, count: 60))

    func script(_ body: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fake-office-\(UUID().uuidString).sh").path
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func convertsWithAPerJobProfileInAPrivateFolder() async throws {
        let office = try script("""
        case "$1" in -env:UserInstallation=file://*/profile*) ;; *) exit 3 ;; esac
        while [ $# -gt 0 ]; do if [ "$1" = "--outdir" ]; then out="$2"; fi; shift; done
        [ "$(stat -c %a "$out")" = "700" ] || exit 4
        printf converted > "$out/input.xlsx"
        """)
        let (data, name) = await LegacyExcel.convertIfNeeded(Self.xls, fileName: "Протокол.xls", office: office)
        #expect(String(decoding: data, as: UTF8.self) == "converted")
        #expect(name == "Протокол.xlsx")
    }

    @Test func aHangingConverterIsKilled() async throws {
        let office = try script("sleep 30\n")
        let started = Date()
        let (data, name) = await LegacyExcel.convertIfNeeded(Self.xls, fileName: "a.xls", office: office, timeLimit: 1)
        #expect(data == Self.xls, "the original comes back; the reader then asks for .xlsx")
        #expect(name == "a.xls")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func notAnXLSIsLeftAlone() async throws {
        let (data, _) = await LegacyExcel.convertIfNeeded(Data("a;b".utf8), fileName: "a.csv", office: "/bin/false")
        #expect(data == Data("a;b".utf8))
    }
}
