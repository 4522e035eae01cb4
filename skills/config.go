package skills

import "time"

// Config is coach.toml, the repository's settings. Every key is optional; a
// missing file or key takes the default from [DefaultConfig].
type Config struct {
	// CoachVersion pins the coach that CI installs (coach_version =
	// "v0.4.0"), so that a new release changes no committed plan until the
	// team moves to it; empty: the version the workflow names.
	CoachVersion string       `toml:"coach_version" json:"coach_version,omitempty"`
	Plan         PlanConfig   `toml:"plan" json:"plan"`
	Agenda       AgendaConfig `toml:"agenda" json:"agenda"`
	Review       ReviewConfig `toml:"review" json:"review"`
	// Private says who can read the private notes in skill files.
	Private PrivateConfig `toml:"private" json:"private"`
	// Feedback says who else reads the peer feedback about a person.
	Feedback FeedbackConfig `toml:"feedback" json:"feedback"`
	// Leaders are the people who manage someone in the repository but have
	// no skill file of their own ([[leader]] with id and name): the top of
	// the org tree.
	Leaders []Leader   `toml:"leader" json:"leaders,omitempty"`
	Team    TeamConfig `toml:"team" json:"team"`
}

// ReviewConfig is the [review] table.
type ReviewConfig struct {
	// Months is how often a plan is reviewed: the next review is this many
	// months after the assessment date.
	Months int `toml:"months" json:"months"`
}

// PrivateConfig is the [private] table.
type PrivateConfig struct {
	// Recipients are the public keys private notes are encrypted to: age
	// keys (age1...) or SSH public key lines (ssh-ed25519 ..., ssh-rsa ...).
	Recipients []string `toml:"recipients" json:"recipients,omitempty"`
}

// FeedbackConfig is the [feedback] table. Peer feedback is always encrypted
// to [private] recipients; with ShareWithPerson, to the person it is about as
// well, by their public key in Keys.
type FeedbackConfig struct {
	ShareWithPerson bool `toml:"share_with_person" json:"share_with_person"`
	// Keys are the people's own public keys, by person id: age keys or SSH
	// public key lines, as [private] recipients.
	Keys map[string]string `toml:"keys" json:"keys,omitempty"`
}

// Leader is a [[leader]] table: a manager without a skill file.
type Leader struct {
	ID   string `toml:"id" json:"id"`
	Name string `toml:"name" json:"name"`
}

// TeamConfig is the [team] table: what `coach team` measures the team against.
type TeamConfig struct {
	// MentorCapacity is the most mentees one mentor is given.
	MentorCapacity int `toml:"mentor_capacity" json:"mentor_capacity"`
	// ReviewCycleDays is how old an assessment may grow, against the newest
	// one in the team, before it is flagged as stale.
	ReviewCycleDays int `toml:"review_cycle_days" json:"review_cycle_days"`
	// MakersPerPM is how many engineers and designers (a person's reports
	// count) one product manager can serve.
	MakersPerPM int `toml:"makers_per_pm" json:"makers_per_pm"`
	// Shape is the target team: how many people each role should have.
	Shape map[string]int `toml:"shape" json:"shape,omitempty"`
}

// PlanConfig is the [plan] table.
type PlanConfig struct {
	// Focus is how many focus skills a plan holds.
	Focus int `toml:"focus" json:"focus"`
}

// AgendaConfig is the [agenda] table.
type AgendaConfig struct {
	// Weekday is the day of the week the 1:1s happen, in English ("tuesday").
	Weekday string `toml:"weekday" json:"weekday"`
	// WeeksPerFocus is how many weeks an agenda stays on one focus skill.
	WeeksPerFocus int `toml:"weeks_per_focus" json:"weeks_per_focus"`
}

// DefaultConfig is the configuration of a repository without coach.toml.
func DefaultConfig() Config {
	return Config{
		Plan:   PlanConfig{Focus: 3},
		Agenda: AgendaConfig{Weekday: "tuesday", WeeksPerFocus: 2},
		Review: ReviewConfig{Months: 3},
		Team:   TeamConfig{MentorCapacity: 2, ReviewCycleDays: 90, MakersPerPM: 9},
	}
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// Leader returns the leader with the given id, or nil.
func (c Config) Leader(id string) *Leader {
	for i := range c.Leaders {
		if c.Leaders[i].ID == id {
			return &c.Leaders[i]
		}
	}
	return nil
}

// WeekdayValue returns the configured 1:1 weekday. Validation guarantees the name
// is known; an unknown one falls back to Tuesday.
func (c AgendaConfig) WeekdayValue() time.Weekday {
	if d, ok := weekdays[c.Weekday]; ok {
		return d
	}
	return time.Tuesday
}
