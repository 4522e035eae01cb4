package plans

import (
	_ "embed"
	"slices"
)

// TeamJSON is the team view as `coach team --format json` prints it: one
// object, version 2, every person {id, name}; the keys are described by
// TeamSchema. Roles and managers key their objects by id.
type TeamJSON struct {
	Version     int                        `json:"version"`
	Under       *PersonRef                 `json:"under"`
	WrittenFor  []PersonRef                `json:"written_for"`
	People      []TeamPerson               `json:"people"`
	Heatmap     []HeatCell                 `json:"heatmap"`
	Bench       map[string]BenchJSON       `json:"bench"`
	StepIn      []StepIn                   `json:"step_in"`
	Calibration map[string]CalibrationJSON `json:"calibration"`
	Flags       []Flag                     `json:"flags"`
	FollowUps   []FlagCount                `json:"follow_ups"`
	Mentors     []MentorPair               `json:"mentors"`
	Hiring      map[string]HiringJSON      `json:"hiring"`
	Makers      MakersJSON                 `json:"makers"`
	SkillGaps   []SkillGapTeam             `json:"skill_gaps"`
	OpenFirst   []Opening                  `json:"open_first"`
}

// BenchJSON is one role's bench.
type BenchJSON struct {
	Holders   []PersonRef `json:"holders"`
	ReadyNow  []PersonRef `json:"ready_now"`
	ReadySoon []PersonRef `json:"ready_soon"`
	Thin      bool        `json:"thin"`
}

// CalibrationJSON is one manager's calibration.
type CalibrationJSON struct {
	People       []PersonRef `json:"people"`
	MeanDistance float64     `json:"mean_distance"`
	Others       float64     `json:"others_mean_distance"`
	SelfGap      float64     `json:"self_gap"`
	SelfCount    int         `json:"self_count"`
	Assessed     int         `json:"assessed"`
	TooFew       bool        `json:"too_few"`
	Flagged      bool        `json:"flagged"`
	// LeftOut are the people left out of the comparison until a new
	// baseline of theirs is calibrated; MeanDistanceAll and AssessedAll
	// count them in; ApartUncounted is set when that mean sits more than
	// 0.5 level from the compared managers' (team.md says it).
	LeftOut         []PersonRef `json:"left_out"`
	MeanDistanceAll float64     `json:"mean_distance_all"`
	AssessedAll     int         `json:"assessed_all"`
	ApartUncounted  bool        `json:"apart_uncounted"`
}

// HiringJSON is one role of the target shape.
type HiringJSON struct {
	Have int `json:"have"`
	Want int `json:"want"`
}

// MakersJSON is the ratio of engineers and designers to PMs.
type MakersJSON struct {
	Makers int `json:"makers"`
	PMs    int `json:"pms"`
	// LeadingPMs are those of PMs who lead people too, counted because
	// they serve makers of their own.
	LeadingPMs int     `json:"leading_pms"`
	PerPM      float64 `json:"per_pm"`
	WantPerPM  int     `json:"want_per_pm"`
	PMsShort   int     `json:"pms_short"`
}

// JSON returns t as `coach team --format json` prints it.
func (t *Team) JSON() TeamJSON {
	out := TeamJSON{Version: 2, Under: t.Under, WrittenFor: t.WrittenFor, People: t.People, Heatmap: t.Cells(),
		Bench: map[string]BenchJSON{}, StepIn: t.StepIn, Calibration: map[string]CalibrationJSON{}, Flags: t.Flags, FollowUps: t.FollowUps,
		Mentors: t.Mentors, Hiring: map[string]HiringJSON{}, SkillGaps: t.Hiring.SkillGaps, OpenFirst: t.Hiring.OpenFirst,
		Makers: MakersJSON{Makers: t.Hiring.Makers, PMs: t.Hiring.PMs, LeadingPMs: t.Hiring.LeadingPMs, PerPM: t.Hiring.PerPM, WantPerPM: t.Hiring.WantPerPM, PMsShort: t.Hiring.PMsShort}}
	for _, b := range t.Bench {
		out.Bench[b.Role.ID] = BenchJSON{Holders: b.Holders, ReadyNow: b.ReadyNow, ReadySoon: b.ReadySoon, Thin: b.Thin}
	}
	for _, c := range t.Calib {
		out.Calibration[c.Manager.ID] = CalibrationJSON{People: c.People, MeanDistance: c.Mean, Others: c.Others,
			SelfGap: c.SelfGap, SelfCount: c.SelfCount, Assessed: c.Assessed, TooFew: c.TooFew, Flagged: c.Flagged,
			LeftOut: append([]PersonRef{}, c.Left...), MeanDistanceAll: c.AllMean, AssessedAll: c.AllAssessed, ApartUncounted: c.Uncounted != ""}
	}
	for _, r := range t.Hiring.Roles {
		out.Hiring[r.Role.ID] = HiringJSON{Have: r.Have, Want: r.Want}
	}
	return out
}

//go:embed team.schema.json
var teamSchema []byte

// TeamSchema returns the JSON Schema (draft 2020-12) of TeamJSON.
func TeamSchema() []byte { return slices.Clone(teamSchema) }
