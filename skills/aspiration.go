package skills

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// An aspiration is the person's own voice in their skill file, beside the
// manager's assessment: the track they want (leading people or not), a role
// they aim for and by when, the skills they want to grow and the skills they
// would gladly teach. It never overrides the manager: a target written in
// the file stays the plan's target, and a different wish is a conversation
// the plan opens (see package plans). Without a target, the wish sets it.

// The tracks a person may want.
const (
	// TrackManager is the track of the roles that lead people.
	TrackManager = "manager"
	// TrackIC is the individual-contributor track: the roles that do not.
	TrackIC = "ic"
)

// Aspiration is what the person wants, from the [aspiration] table of
// their skill file.
type Aspiration struct {
	// Track is TrackManager or TrackIC; "" when not said.
	Track string `json:"track,omitempty"`
	// Role is the role they aim for, a role id; By is when, zero when open.
	Role string    `json:"role,omitempty"`
	By   time.Time `json:"by,omitzero"`
	// Grow are the skills they want to grow, Teach those they would gladly
	// teach, skill ids in the file's order.
	Grow  []string `json:"grow,omitempty"`
	Teach []string `json:"teach,omitempty"`
}

// aspirationFile is the [aspiration] table as written.
type aspirationFile struct {
	Track string   `toml:"track"`
	Role  string   `toml:"role"`
	By    any      `toml:"by"`
	Grow  []string `toml:"grow"`
	Teach []string `toml:"teach"`
}

// aspiration is what f says, read leniently; nil when it says nothing.
func (f aspirationFile) aspiration() *Aspiration {
	a := &Aspiration{Track: f.Track, Role: f.Role, Grow: f.Grow, Teach: f.Teach}
	a.By, _ = asDate(f.By)
	if a.Track == "" && a.Role == "" && a.By.IsZero() && len(a.Grow) == 0 && len(a.Teach) == 0 {
		return nil
	}
	return a
}

// TrackOf is the track of role r: TrackManager when it leads people.
func TrackOf(r *Role) string {
	if r.Leads {
		return TrackManager
	}
	return TrackIC
}

// Wants is the role the aspiration points to for someone in role: the role
// they aim for when they name one; else, for a track, the role's next when
// it is on that track, else the first role up the ladder on it, else (a
// leader who would rather not lead, with every individual-contributor role
// below theirs) the role on it whose expectations are nearest the current
// role's: a move across, not down. "" when it points nowhere (no aspiration,
// or a track with no role on it other than the current one).
func (a *Aspiration) Wants(m *Matrix, role string) string {
	if a == nil {
		return ""
	}
	if a.Role != "" {
		if m.Role(a.Role) == nil {
			return ""
		}
		return a.Role
	}
	cur := m.Role(role)
	if cur == nil || (a.Track != TrackManager && a.Track != TrackIC) {
		return ""
	}
	if next := m.Role(cur.Next); next != nil && TrackOf(next) == a.Track {
		return next.ID
	}
	rank := m.RoleRank(role)
	for i := rank + 1; i < len(m.Roles); i++ {
		if TrackOf(&m.Roles[i]) == a.Track {
			return m.Roles[i].ID
		}
	}
	if TrackOf(cur) == a.Track {
		return "" // at the top of the track they are on
	}
	best, bestDist := "", -1
	for i := range m.Roles {
		r := &m.Roles[i]
		if TrackOf(r) != a.Track {
			continue
		}
		d := 0
		for _, s := range m.Skills {
			d += abs(s.Expect[r.ID] - s.Expect[cur.ID])
		}
		if bestDist < 0 || d <= bestDist { // a tie goes to the higher role
			best, bestDist = r.ID, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// aspiration checks the [aspiration] table of f against m.
func (c *checker) aspiration(f *personFile, p *Person, m *Matrix) {
	a := f.Aspiration
	const tp = "aspiration."
	trackOK := true
	switch a.Track {
	case "", TrackManager, TrackIC:
	default:
		trackOK = false
		hint := `write track = "manager" to lead people, or track = "ic" to grow as an individual contributor`
		switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(a.Track)) {
		case "individualcontributor", "ic":
			hint = `write track = "ic"`
		case "manager", "management", "people", "peoplemanager", "leader", "leadership":
			hint = `write track = "manager"`
		}
		c.atValue(Error, tp+"track", hint, "unknown track %q: a track is \"manager\" or \"ic\"", a.Track)
	}
	if a.Role != "" && c.known(tp+"role", "role", a.Role, m.RoleIDs()) {
		r, cur := m.Role(a.Role), m.Role(f.Role)
		switch {
		case trackOK && a.Track != "" && TrackOf(r) != a.Track:
			var on []string
			for _, x := range m.Roles {
				if TrackOf(&x) == a.Track {
					on = append(on, x.ID)
				}
			}
			what := "leads people"
			if !r.Leads {
				what = "does not lead people"
			}
			c.atValue(Error, tp+"role", fmt.Sprintf("choose a role on the %s track (%s), or change the track", trackName(a.Track), strings.Join(on, ", ")),
				"role %q %s, but the track is %q", a.Role, what, a.Track)
		case cur != nil && r.Leads == cur.Leads && m.RoleRank(a.Role) < m.RoleRank(f.Role):
			c.atValue(Error, tp+"role", "aim for a role at or above "+f.Role+" on the same track, or for a role on the other track",
				"role %q is below the current role %q", a.Role, f.Role)
		}
	}
	by := c.date(tp+"by", a.By, false)
	if !by.IsZero() {
		switch {
		case a.Role == "" && a.Track == "":
			c.at(Error, tp+"by", `add role = "the role you aim for" (or a track), or remove by`, "by dates no role: the aspiration names no role or track")
		case !p.Assessed.IsZero() && by.Before(p.Assessed):
			c.atValue(Warning, tp+"by", "set by to the date you aim for now, or remove it",
				"the aspiration's date %s is before this assessment (assessed = %s)", by.Format(time.DateOnly), p.Assessed.Format(time.DateOnly))
		}
	}
	skillIDs := m.SkillIDs()
	for _, list := range []struct {
		key string
		ids []string
	}{{"grow", a.Grow}, {"teach", a.Teach}} {
		for i, s := range list.ids {
			kp := fmt.Sprintf("%s%s[%d]", tp, list.key, i)
			if !c.known(kp, "skill", s, skillIDs) {
				continue
			}
			if j := slices.Index(list.ids, s); j < i {
				c.atValue(Error, kp, "keep one of them", "skill %q is listed twice in %s", s, list.key)
			}
		}
	}
	for i, s := range a.Teach {
		if slices.Contains(a.Grow, s) && slices.Contains(skillIDs, s) {
			c.atValue(Error, fmt.Sprintf("%steach[%d]", tp, i), "keep it in grow while you learn it, and move it to teach once you could mentor it",
				"skill %q is both to grow and to teach", s)
		}
	}
	if p.Aspiration != nil {
		// Narrowed to what the matrix allows, like the levels.
		q := *p.Aspiration
		if !trackOK {
			q.Track = ""
		}
		if m.Role(q.Role) == nil {
			q.Role = ""
		}
		if by.IsZero() {
			q.By = time.Time{}
		}
		q.Grow = known(q.Grow, skillIDs)
		q.Teach = known(q.Teach, skillIDs)
		p.Aspiration = &q
	}
}

// trackName is a track in words.
func trackName(track string) string {
	if track == TrackIC {
		return "individual-contributor"
	}
	return "manager"
}

// known keeps the ids of ids in valid, each once.
func known(ids, valid []string) []string {
	var out []string
	for _, id := range ids {
		if slices.Contains(valid, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
