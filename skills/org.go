package skills

import (
	"fmt"
	"slices"
	"strings"
)

// The org tree: every skill file's manager names another person's id, or a
// leader declared in coach.toml ([[leader]]), who has no skill file. The tree
// must be a tree: no unknown manager, nobody managing themselves, no cycle.
// A person without a manager is the top of a tree of their own.

// config checks coach.toml's [[leader]] and [team] tables; what needs the
// matrix or the people (shape roles, a leader who also has a skill file) is
// checked by checkOrg.
func (c *checker) config(cfg *Config) {
	for i, l := range cfg.Leaders {
		p := fmt.Sprintf("leader[%d]", i)
		c.id(p+".id", "leader", l.ID)
		c.required(p+".name", l.Name, `name = "Their Name"`)
	}
	c.unique("leader", leaderIDs(cfg.Leaders), func(i int) string { return fmt.Sprintf("leader[%d].id", i) })
	def := DefaultConfig().Team
	if n := cfg.Team.MentorCapacity; n < 1 || n > 20 {
		c.atValue(Error, "team.mentor_capacity", "use a number of mentees from 1 to 20; 2 is the default", "mentor_capacity %d is out of range", n)
		cfg.Team.MentorCapacity = def.MentorCapacity
	}
	if n := cfg.Team.ReviewCycleDays; n < 1 || n > 3660 {
		c.atValue(Error, "team.review_cycle_days", "use a number of days from 1 to 3660; 90 is the default", "review_cycle_days %d is out of range", n)
		cfg.Team.ReviewCycleDays = def.ReviewCycleDays
	}
	if n := cfg.Team.MakersPerPM; n < 0 || n > 100 {
		c.atValue(Error, "team.makers_per_pm", "use a number from 1 to 100, or 0 to leave the ratio unchecked; 9 is the default", "makers_per_pm %d is out of range", n)
		cfg.Team.MakersPerPM = def.MakersPerPM
	}
	for _, role := range sortedKeys(cfg.Team.Shape) {
		if n := cfg.Team.Shape[role]; n < 0 || n > 100000 {
			c.atValue(Error, "team.shape."+role, "write how many people the role should have, 0 or more", "shape %s = %d is out of range", role, n)
		}
	}
}

func leaderIDs(ls []Leader) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}

// checkOrg checks the org tree of people and the coach.toml keys that name
// roles or people. src returns a file's source by path, for positions; it is
// only read for a file with a problem. broken maps the id of each skill file
// that could not be decoded to its path.
func checkOrg(cfg Config, m *Matrix, people []*Person, broken map[string]string, src func(path string) []byte) Problems {
	var out Problems
	at := func(path, keyPath string, value bool, hint, format string, args ...any) {
		ix := indexSource(string(src(path)))
		pos := ix.keyPos(keyPath)
		if value {
			pos = ix.valuePos(keyPath)
		}
		out = append(out, Problem{Path: path, Line: pos.Line, Col: pos.Col, Severity: Error,
			Message: fmt.Sprintf(format, args...), Hint: hint})
	}
	byID := make(map[string]*Person, len(people))
	ids := make([]string, 0, len(people)+len(cfg.Leaders))
	for _, p := range people {
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	for i, l := range cfg.Leaders {
		if byID[l.ID] != nil {
			at(ConfigFile, fmt.Sprintf("leader[%d].id", i), true,
				fmt.Sprintf("remove the [[leader]] %q: %s has a skill file, which makes them a person of the tree already", l.ID, byID[l.ID].Path),
				"leader %q also has a skill file", l.ID)
			continue
		}
		ids = append(ids, l.ID)
	}
	if m != nil {
		for _, role := range sortedKeys(cfg.Team.Shape) {
			if m.Role(role) == nil {
				at(ConfigFile, "team.shape."+role, false, suggest("role", role, m.RoleIDs()), "unknown role %q in the team shape", role)
			}
		}
	}
	slices.Sort(ids)

	// Unknown managers and people who manage themselves.
	known := func(p *Person) bool {
		return p.Manager == "" || p.Manager != p.ID && (byID[p.Manager] != nil || cfg.Leader(p.Manager) != nil)
	}
	for _, p := range people {
		switch {
		case p.Manager == "":
		case p.Manager == p.ID:
			at(p.Path, "manager", true, "name their own manager's id, or leave manager out at the top of the tree",
				"%s manages themselves", p.ID)
		case !known(p) && broken[p.Manager] != "":
			at(p.Path, "manager", true, "fix that file first; `coach check` lists its errors",
				"manager %q: %s has errors", p.Manager, EscapePath(broken[p.Manager]))
		case !known(p):
			at(p.Path, "manager", true, managerHint(p.Manager, cfg, people, ids), "unknown manager %q", p.Manager)
		}
	}

	// Cycles: follow each chain of managers once; a chain that comes back to
	// a person already on it is a cycle, reported at the manager key of each person on it.
	const (
		unseen = iota
		onPath
		done
	)
	state := make(map[string]int, len(people))
	for _, start := range people {
		var path []*Person
		for p := start; p != nil && state[p.ID] != done; {
			if state[p.ID] == onPath {
				i := slices.IndexFunc(path, func(q *Person) bool { return q.ID == p.ID })
				cycle := path[i:]
				if len(cycle) > 1 {
					// At every member's manager key: the edit that made
					// the cycle may be in any of their files.
					for _, member := range cycle {
						at(member.Path, "manager", true,
							"one of them reports to someone outside the cycle: set that manager to a leader in coach.toml ([[leader]]) or to the person above them",
							"the managers form a cycle: %s", cycleText(cycle, member))
					}
				}
				break
			}
			state[p.ID] = onPath
			path = append(path, p)
			if p.Manager == p.ID || !known(p) {
				break
			}
			p = byID[p.Manager]
		}
		for _, q := range path {
			state[q.ID] = done
		}
	}
	out.Sort()
	return out
}

// cycleText names a cycle from its first member round to it again:
// "alice -> bob -> alice".
func cycleText(cycle []*Person, first *Person) string {
	i := slices.Index(cycle, first)
	var names []string
	for j := range cycle {
		names = append(names, cycle[(i+j)%len(cycle)].ID)
	}
	return strings.Join(append(names, first.ID), " -> ")
}

// managerHint suggests the id for an unknown manager: the id of the person
// or leader whose name it is (manager = "Maya Okafor" was free text once),
// else the closest ids.
func managerHint(got string, cfg Config, people []*Person, ids []string) string {
	for _, l := range cfg.Leaders {
		if strings.EqualFold(l.Name, got) {
			return fmt.Sprintf("write the leader's id: manager = %q", l.ID)
		}
	}
	for _, p := range people {
		if strings.EqualFold(p.Name, got) {
			return fmt.Sprintf("write the person's id: manager = %q", p.ID)
		}
	}
	hint := "a manager is a person id (a skill file's name) or a [[leader]] id in coach.toml"
	slug := Slug(got)
	close := CloseIDs(slug, ids, 3)
	if len(close) > 0 {
		hint = fmt.Sprintf("did you mean %s? ", quoteAll(close)) + hint
	} else {
		hint = "name a person id (a skill file's name), or declare a [[leader]] with that id and a name in coach.toml"
	}
	return hint
}

func quoteAll(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}
