import Fluent
import Foundation
import Domain

final class Region: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    init() {}
    init(id: UUID? = nil, code: String, name: String) { self.id = id; self.code = code; self.name = name }
}

final class Municipality: Model, @unchecked Sendable {
    static let schema = "municipalities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "region_id") var region: Region
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "fis_oko_code") var fisOkoCode: String
    @Field(key: "center_name") var centerName: String
    @Field(key: "planning_period") var planningPeriod: String
    @Field(key: "time_zone") var timeZone: String
    /// Whether a D = 0 result on indicator 1 enters the summary table (DOMAIN §4); used by the monitoring.
    @Field(key: "settings_json") var settingsJSON: String
    init() {}
    init(id: UUID? = nil, regionID: UUID, code: String, name: String, fisOkoCode: String = "", centerName: String = "",
         planningPeriod: PlanningPeriod = .schoolYear, timeZone: String = "Europe/Moscow") {
        self.id = id; self.$region.id = regionID; self.code = code; self.name = name; self.fisOkoCode = fisOkoCode
        self.centerName = centerName; self.planningPeriod = planningPeriod.rawValue; self.timeZone = timeZone; self.settingsJSON = "{}"
    }
    var period: PlanningPeriod { PlanningPeriod(rawValue: planningPeriod) ?? .schoolYear }
    var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Europe/Moscow")! }
}

/// Status labels in force from a year on (the seeds move from «ШНОР» to
/// «школы с рисками низких образовательных результатов»).
final class StatusLabel: Model, @unchecked Sendable {
    static let schema = "status_labels"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "from_year") var fromYear: Int
    @Field(key: "low_results") var lowResults: String
    @Field(key: "difficult") var difficult: String
    init() {}
    init(municipalityID: UUID, fromYear: Int, lowResults: String, difficult: String) {
        self.$municipality.id = municipalityID; self.fromYear = fromYear; self.lowResults = lowResults; self.difficult = difficult
    }
}

extension Municipality {
    /// What Access decides on for municipality-wide actions.
    var ref: MunicipalityRef { MunicipalityRef(id: id!, regionID: $region.id) }
}
