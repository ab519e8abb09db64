import Vapor
import Fluent
import Views
import Domain

/// Files of the mentoring area: attached to an interaction (by its author or the center), to a
/// route step as evidence (by the route's actors), to a material (by who may add materials);
/// downloaded by whoever may read the owner. At most 10 MB a file, kept in the database.
enum AttachmentsController {
    static let maxBytes = 10 * 1024 * 1024
    struct Upload: Content { var file: File? }

    /// The uploaded file, or a Russian refusal.
    static func file(_ req: Request) throws -> File? {
        guard let f = try? req.content.decode(Upload.self).file, f.data.readableBytes > 0 else { return nil }
        return f
    }

    static func save(_ req: Request, _ file: File, owner: Attachment.Owner, id: UUID, municipalityID: UUID, label: String) async throws {
        let a = Attachment()
        a.municipalityID = municipalityID; a.ownerKind = owner.rawValue; a.ownerID = id
        a.fileName = String(file.filename.replacingOccurrences(of: "\"", with: "").prefix(200))
        a.contentType = file.contentType.map { "\($0.type)/\($0.subType)" } ?? "application/octet-stream"
        a.size = file.data.readableBytes; a.data = Data(file.data.readableBytesView); a.createdBy = try req.requireUser().login
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "attachment", id: a.id, label: "\(label): файл «\(a.fileName)»", municipalityID: municipalityID)
        }
    }

    static func check(_ file: File?) -> String? {
        guard let file else { return "Выберите файл." }
        return file.data.readableBytes > maxBytes ? "Файл больше 10 МБ: уменьшите его или дайте ссылку." : nil
    }

    @Sendable static func toInteraction(req: Request) async throws -> Response {
        guard let i = try await Interaction.find(req.id(), on: req.db), let m = try await Municipality.find(i.municipalityID, on: req.db) else { throw AppError.notFound("Взаимодействие") }
        guard Access.canPlanPair(author: i.$author.id, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        // Back to the page of the form (a pair's page), never elsewhere.
        let sent = (try? req.content.get(String.self, at: "back")) ?? ""
        let back = sent.hasPrefix("/support/pairs/") && !sent.contains("//") ? sent : SiteURL.supportLog.path
        let f = try file(req)
        if let problem = check(f) { return req.redirect(back, flash: problem, kind: .error) }
        try await save(req, f!, owner: .interaction, id: i.id!, municipalityID: m.id!, label: "Взаимодействие \(i.day?.ru ?? ""): \(i.topic)")
        return req.redirect(back, flash: "Файл прикреплён к взаимодействию.")
    }

    @Sendable static func toRouteStep(req: Request) async throws -> Response {
        guard let step = try await RouteStepRecord.query(on: req.db).filter(\.$id == req.id()).with(\.$route).first() else { throw AppError.notFound("Шаг") }
        guard let t = try await Person.query(on: req.db).filter(\.$id == step.route.$teacher.id).with(\.$school).first(),
              Access.canReadRoute(of: t.id!, at: t.place, try req.principal()), try RoutesController.actor(req, t) != nil else { throw AppError.forbidden }
        let f = try file(req)
        if let problem = check(f) { return RoutesController.back(req, t, step.route.year, problem, kind: .error) }
        try await save(req, f!, owner: .routeStep, id: step.id!, municipalityID: t.$municipality.id, label: "ИОМ \(t.fullName): \(step.title)")
        return RoutesController.back(req, t, step.route.year, "Файл прикреплён к шагу.")
    }

    @Sendable static func toMaterial(req: Request) async throws -> Response {
        guard let mat = try await Material.find(req.id(), on: req.db) else { throw AppError.notFound("Материал") }
        guard try await MaterialsController.editable(req).contains(where: { $0.id == mat.municipalityID }) else { throw AppError.forbidden }
        let back = SiteURL.material(mat.id!.uuidString).path
        let f = try file(req)
        if let problem = check(f) { return req.redirect(back, flash: problem, kind: .error) }
        try await save(req, f!, owner: .material, id: mat.id!, municipalityID: mat.municipalityID, label: "Материал «\(mat.title)»")
        return req.redirect(back, flash: "Файл прикреплён к материалу.")
    }

    /// The file, if the user reads its owner (the same decisions as the owner's page).
    @Sendable static func download(req: Request) async throws -> Response {
        guard let a = try await Attachment.find(req.id(), on: req.db) else { throw AppError.notFound("Файл") }
        let p = try req.principal()
        let allowed: Bool
        switch Attachment.Owner(rawValue: a.ownerKind) {
        case .interaction:
            let i = try await Interaction.find(a.ownerID, on: req.db)
            let m = try await Municipality.find(a.municipalityID, on: req.db)
            allowed = i != nil && m != nil && Access.canReadPair(author: i!.$author.id, in: m!.ref, p)
        case .routeStep:
            let step = try await RouteStepRecord.query(on: req.db).filter(\.$id == a.ownerID).with(\.$route).first()
            let t = try await step.asyncMap { s in try await Person.find(s.route.$teacher.id, on: req.db) } ?? nil
            allowed = t.map { Access.canReadRoute(of: $0.id!, at: $0.place, p) } ?? false
        case .material:
            allowed = try await MaterialsController.readable(req).contains { $0.id == a.municipalityID }
        case .schoolDocumentVersion:
            allowed = try await DocumentsController.readsVersion(a.ownerID, req)
        case nil: allowed = false
        }
        guard allowed else { throw AppError.forbidden }
        let res = Response(status: .ok, body: .init(data: a.data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "octet-stream")
        let ascii = a.fileName.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 } ? a.fileName : "file"
        let encoded = a.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        return res
    }

    /// Files of some owners, for their pages: owner id → (name, link, size).
    static func list(_ owner: Attachment.Owner, _ ids: [UUID], on db: any Database) async throws -> [UUID: [(name: String, url: String, size: String)]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Attachment.query(on: db).filter(\.$ownerKind == owner.rawValue).filter(\.$ownerID ~~ ids)
            .field(\.$id).field(\.$ownerID).field(\.$fileName).field(\.$size).sort(\.$createdAt).all()
        return Dictionary(grouping: rows, by: \.ownerID).mapValues { files in
            files.map { (name: $0.fileName, url: SiteURL.file($0.id!.uuidString).path, size: RuFormat.decimal(Double($0.size) / 1024, digits: 0) + " КБ") }
        }
    }
}
