package skills

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
)

// Every rule a user's file must follow is checked here, and each broken rule
// becomes one Problem that says where it is and how to fix it. Validation
// never stops early: a file with five mistakes gets five problems.

// checker collects the problems of one file.
type checker struct {
	path     string
	ix       *sourceIndex
	problems Problems
}

// at reports a problem at the key of keyPath.
func (c *checker) at(sev Severity, keyPath, hint, format string, args ...any) {
	pos := c.ix.keyPos(keyPath)
	c.problems = append(c.problems, Problem{Path: c.path, Line: pos.Line, Col: pos.Col,
		Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// atValue reports a problem at the value of keyPath.
func (c *checker) atValue(sev Severity, keyPath, hint, format string, args ...any) {
	pos := c.ix.valuePos(keyPath)
	c.problems = append(c.problems, Problem{Path: c.path, Line: pos.Line, Col: pos.Col,
		Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) required(keyPath, value, example string) {
	if strings.TrimSpace(value) == "" {
		c.at(Error, keyPath, "add "+example, "%s is missing", lastKey(keyPath))
	}
}

func (c *checker) id(keyPath, what, id string) {
	if id == "" {
		c.at(Error, keyPath, fmt.Sprintf(`add id = "a-%s-id"`, what), "%s has no id", what)
		return
	}
	if !ValidID(id) {
		c.atValue(Error, keyPath, fmt.Sprintf("use lowercase letters, digits and '-', like %q", Slug(id)),
			"%s id %q is not valid", what, id)
	}
}

// unique reports the second and later uses of the same id.
func (c *checker) unique(what string, ids []string, keyPath func(i int) string) {
	first := map[string]int{}
	for i, id := range ids {
		if id == "" {
			continue
		}
		if j, dup := first[id]; dup {
			pos := c.ix.valuePos(keyPath(j))
			c.atValue(Error, keyPath(i), fmt.Sprintf("rename one of them; ids must be unique (first defined on line %d)", pos.Line),
				"duplicate %s id %q", what, id)
			continue
		}
		first[id] = i
	}
}

// known reports an id, written as the value of keyPath, that is not one of
// valid, with the closest suggested.
func (c *checker) known(keyPath, what, id string, valid []string) bool {
	if slices.Contains(valid, id) {
		return true
	}
	c.atValue(Error, keyPath, suggest(what, id, valid), "unknown %s %q", what, id)
	return false
}

// knownKey is known for an id written as the key of keyPath ([levels] entries).
func (c *checker) knownKey(keyPath, what, id string, valid []string) bool {
	if slices.Contains(valid, id) {
		return true
	}
	c.at(Error, keyPath, suggest(what, id, valid), "unknown %s %q", what, id)
	return false
}

func lastKey(keyPath string) string {
	p := keyPath
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// Slug turns s into a valid id: lowercase, words joined by '-'.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "id"
	}
	return b.String()
}

// DecodeMatrix decodes and validates a matrix file. path names the file in
// problems. The matrix is returned whenever it could be decoded, even with
// problems, so that other files can still be checked against it.
func DecodeMatrix(path string, src []byte) (*Matrix, Problems) {
	var m Matrix
	ix, problems, ok := decodeTOML(path, src, &m, matrixLimit)
	if !ok {
		return nil, problems
	}
	c := &checker{path: path, ix: ix, problems: problems}
	c.matrix(&m)
	c.importTODOs(src)
	c.problems.Sort()
	return &m, c.problems
}

func (c *checker) matrix(m *Matrix) {
	if len(m.Levels) < 2 {
		c.at(Error, "level", "define the scale with [[level]] tables, value = 1, 2, 3...", "the matrix needs at least two levels")
	}
	for i, l := range m.Levels {
		p := fmt.Sprintf("level[%d]", i)
		if l.Value != i+1 {
			c.atValue(Error, p+".value", fmt.Sprintf("number the levels 1, 2, 3... in order; this one should be %d", i+1),
				"level value %d is out of order", l.Value)
		}
		c.required(p+".name", l.Name, `name = "Proficient"`)
	}
	for i, x := range m.Personas {
		p := fmt.Sprintf("persona[%d]", i)
		c.id(p+".id", "persona", x.ID)
		c.required(p+".name", x.Name, `name = "Coach/Mentor"`)
	}
	c.unique("persona", m.PersonaIDs(), func(i int) string { return fmt.Sprintf("persona[%d].id", i) })
	for i, x := range m.Pillars {
		p := fmt.Sprintf("pillar[%d]", i)
		c.id(p+".id", "pillar", x.ID)
		c.required(p+".name", x.Name, `name = "Soft skills"`)
	}
	c.unique("pillar", m.PillarIDs(), func(i int) string { return fmt.Sprintf("pillar[%d].id", i) })
	c.roles(m)
	c.skills(m)
	c.transitions(m)
}

func (c *checker) roles(m *Matrix) {
	if len(m.Roles) == 0 {
		c.at(Error, "role", "define the ladder with [[role]] tables, from the most junior role up", "the matrix has no roles")
	}
	roleIDs := m.RoleIDs()
	for i, r := range m.Roles {
		p := fmt.Sprintf("role[%d]", i)
		c.id(p+".id", "role", r.ID)
		c.required(p+".name", r.Name, `name = "Group Product Manager"`)
		if r.Next != "" && c.known(p+".next", "role", r.Next, roleIDs) && m.RoleRank(r.Next) <= i {
			c.atValue(Error, p+".next", "next must be a role further up the ladder (later in the file)",
				"role %q has next %q, which is not above it", r.ID, r.Next)
		}
		for _, persona := range sortedKeys(r.Emphasis) {
			w := r.Emphasis[persona]
			if math.IsNaN(w) || math.IsInf(w, 0) {
				c.atValue(Error, p+".emphasis."+persona, "use a weight of 0 or more, like 1.5; 1.0 is neutral",
					"emphasis %s must be a number, not %s", persona, notANumber(w))
				continue
			}
			if c.knownKey(p+".emphasis."+persona, "persona", persona, m.PersonaIDs()) && r.Emphasis[persona] < 0 {
				c.atValue(Error, p+".emphasis."+persona, "use a weight of 0 or more; 1.0 is neutral",
					"emphasis %s = %g is negative", persona, r.Emphasis[persona])
			}
		}
	}
	c.unique("role", roleIDs, func(i int) string { return fmt.Sprintf("role[%d].id", i) })
}

func (c *checker) skills(m *Matrix) {
	if len(m.Skills) == 0 {
		c.at(Error, "skill", "add at least one [[skill]] table", "the matrix has no skills")
	}
	n := m.MaxLevel()
	scale := fmt.Sprintf("use a level from 1 to %d", n)
	for i, s := range m.Skills {
		p := fmt.Sprintf("skill[%d]", i)
		c.id(p+".id", "skill", s.ID)
		c.required(p+".name", s.Name, `name = "Negotiation"`)
		c.required(p+".summary", s.Summary, `summary = "what this skill is, in one sentence"`)
		if s.Pillar == "" {
			c.at(Error, p+".pillar", fmt.Sprintf("add pillar = one of %s", strings.Join(m.PillarIDs(), ", ")), "skill %q has no pillar", s.ID)
		} else {
			c.known(p+".pillar", "pillar", s.Pillar, m.PillarIDs())
		}
		if len(s.Personas) == 0 {
			c.at(Error, p+".personas", fmt.Sprintf("add personas = [...] from %s", strings.Join(m.PersonaIDs(), ", ")), "skill %q serves no persona", s.ID)
		}
		for j, persona := range s.Personas {
			c.known(fmt.Sprintf("%s.personas[%d]", p, j), "persona", persona, m.PersonaIDs())
		}
		var missing []string
		for _, r := range m.Roles {
			if _, ok := s.Expect[r.ID]; !ok {
				missing = append(missing, r.ID)
			}
		}
		if len(missing) > 0 {
			c.at(Error, p+".expect", fmt.Sprintf("add an expected level for %s", strings.Join(missing, ", ")),
				"skill %q has no expected level for %d role(s)", s.ID, len(missing))
		}
		for _, role := range sortedKeys(s.Expect) {
			kp := p + ".expect." + role
			if c.knownKey(kp, "role", role, m.RoleIDs()) && n > 0 && (s.Expect[role] < 1 || s.Expect[role] > n) {
				c.atValue(Error, kp, scale, "expected level %d for %s is outside the scale 1..%d", s.Expect[role], role, n)
			}
		}
		if n > 0 && len(s.Descriptors) != n {
			c.at(Error, p+".descriptors", fmt.Sprintf("write one descriptor per level, %d in all, level 1 first", n),
				"skill %q has %d descriptors for a scale of %d levels", s.ID, len(s.Descriptors), n)
		}
		if len(s.Questions) == 0 {
			c.at(Error, p, "add a [[skill.question]] with level and text", "skill %q has no coaching questions", s.ID)
		}
		for j, q := range s.Questions {
			qp := fmt.Sprintf("%s.question[%d]", p, j)
			if q.Level == 0 {
				c.at(Error, qp, fmt.Sprintf("add level = the level from 1 to %d the question helps someone reach", n), "question has no level")
			} else if n > 0 && (q.Level < 1 || q.Level > n) {
				c.atValue(Error, qp+".level", scale, "question level %d is outside the scale 1..%d", q.Level, n)
			}
			c.required(qp+".text", q.Text, `text = "a coaching question?"`)
		}
		for j, a := range s.Actions {
			ap := fmt.Sprintf("%s.action[%d]", p, j)
			if n > 0 && (a.To < 2 || a.To > n) {
				c.atValue(Error, ap+".to", fmt.Sprintf("an action leads to a level from 2 to %d", n),
					"action leads to level %d, outside the scale", a.To)
			}
			c.required(ap+".text", a.Text, `text = "what to do"`)
			c.required(ap+".evidence", a.Evidence, `evidence = "what would show it was done"`)
		}
		c.actionSteps(m, s, p)
		for j, r := range s.Resources {
			rp := fmt.Sprintf("%s.resource[%d]", p, j)
			c.required(rp+".title", r.Title, `title = "a book, talk or exercise"`)
			if n > 0 && r.To != 0 && (r.To < 2 || r.To > n) {
				c.atValue(Error, rp+".to", fmt.Sprintf("a resource helps reach a level from 2 to %d", n),
					"resource helps reach level %d, outside the scale", r.To)
			}
			if r.Kind == "" {
				c.at(Error, rp, "add kind = one of "+strings.Join(ResourceKinds, ", "), "resource %q has no kind", r.Title)
			} else {
				c.known(rp+".kind", "resource kind", r.Kind, ResourceKinds)
			}
		}
	}
	c.unique("skill", m.SkillIDs(), func(i int) string { return fmt.Sprintf("skill[%d].id", i) })
}

// actionSteps warns about a step up the scale that has no action for an
// audience that needs it. People who lead people need every step up to the
// highest bar of a role that leads; everyone else needs every step up to the
// highest bar of a role that does not lead, or of the role it leads to.
func (c *checker) actionSteps(m *Matrix, s Skill, p string) {
	needLeaders, needOthers := 0, 0
	for _, r := range m.Roles {
		if r.Leads {
			needLeaders = max(needLeaders, s.Expect[r.ID])
			continue
		}
		needOthers = max(needOthers, s.Expect[r.ID])
		if r.Next != "" {
			needOthers = max(needOthers, s.Expect[r.Next])
		}
	}
	n := m.MaxLevel()
	for _, aud := range []struct {
		leads bool
		need  int
		who   string
	}{{false, needOthers, "people who do not lead people"}, {true, needLeaders, "people leaders"}} {
		for to := 2; to <= min(aud.need, n); to++ {
			found := false
			for _, a := range s.Actions {
				found = found || a.To == to && Audience(a.Leads, aud.leads)
			}
			if !found {
				hint := fmt.Sprintf("add a [[skill.action]] with to = %d", to)
				if aud.leads {
					hint += " (and leads = true, or no leads, to suit people leaders)"
				} else {
					hint += " (and leads = false, or no leads, to suit people without reports)"
				}
				c.at(Warning, p, hint, "skill %q has no action to reach level %d for %s; their plans at that step will list none", s.ID, to, aud.who)
			}
		}
	}
}

func (c *checker) transitions(m *Matrix) {
	seen := map[string]int{}
	for i, t := range m.Transitions {
		p := fmt.Sprintf("transition[%d]", i)
		fromOK := t.From != "" && c.known(p+".from", "role", t.From, m.RoleIDs())
		toOK := t.To != "" && c.known(p+".to", "role", t.To, m.RoleIDs())
		if t.From == "" {
			c.at(Error, p, `add from = "a role id"`, "transition has no from role")
		}
		if t.To == "" {
			c.at(Error, p, `add to = "a role id"`, "transition has no to role")
		}
		if fromOK && toOK && m.RoleRank(t.To) <= m.RoleRank(t.From) {
			c.atValue(Error, p+".to", "a transition goes up the ladder", "transition from %q to %q goes down", t.From, t.To)
		}
		if len(t.Shifts) == 0 {
			c.at(Error, p, `add shifts = ["from ... to ...", ...]`, "transition %s -> %s lists no shifts", t.From, t.To)
		}
		for j, id := range t.Skills {
			c.known(fmt.Sprintf("%s.skills[%d]", p, j), "skill", id, m.SkillIDs())
		}
		key := t.From + "->" + t.To
		if j, dup := seen[key]; dup {
			c.at(Error, p, fmt.Sprintf("merge it with the one on line %d", c.ix.keyPos(fmt.Sprintf("transition[%d]", j)).Line),
				"duplicate transition %s -> %s", t.From, t.To)
		}
		seen[key] = i
	}
}

// notANumber names a NaN or an infinity the way TOML writes it: TOML has
// them, and coach has no use for either.
func notANumber(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf (infinity)"
	case math.IsInf(f, -1):
		return "-inf (infinity)"
	}
	return "nan (not a number)"
}

func goTypeName(v any) string {
	return strings.ReplaceAll(fmt.Sprintf("%T", v), "interface {}", "any")
}

// ConfigFile is the name of the settings file at the repository root.
const ConfigFile = "coach.toml"

// DecodeConfig decodes and validates coach.toml. Keys left out keep their
// defaults.
func DecodeConfig(path string, src []byte) (Config, Problems) {
	cfg := DefaultConfig()
	ix, problems, ok := decodeTOML(path, src, &cfg, configLimit)
	if !ok {
		return DefaultConfig(), problems
	}
	c := &checker{path: path, ix: ix, problems: problems}
	if v := cfg.CoachVersion; v != "" && !versionPattern.MatchString(v) {
		c.atValue(Error, "coach_version", `write a version as go install takes it, like coach_version = "v0.4.0"`,
			"coach_version %q is not a version", v)
		cfg.CoachVersion = ""
	}
	if cfg.Plan.Focus < 1 || cfg.Plan.Focus > 10 {
		c.atValue(Error, "plan.focus", "use a number from 1 to 10; 3 is the default", "plan focus %d is out of range", cfg.Plan.Focus)
		cfg.Plan.Focus = DefaultConfig().Plan.Focus
	}
	if _, ok := weekdays[cfg.Agenda.Weekday]; !ok {
		c.atValue(Error, "agenda.weekday", suggest("weekday", cfg.Agenda.Weekday, sortedKeys(weekdays)),
			"unknown weekday %q", cfg.Agenda.Weekday)
		cfg.Agenda.Weekday = DefaultConfig().Agenda.Weekday
	}
	c.config(&cfg)
	if cfg.Agenda.WeeksPerFocus < 1 || cfg.Agenda.WeeksPerFocus > 12 {
		c.atValue(Error, "agenda.weeks_per_focus", "use a number of weeks from 1 to 12; 2 is the default",
			"weeks_per_focus %d is out of range", cfg.Agenda.WeeksPerFocus)
		cfg.Agenda.WeeksPerFocus = DefaultConfig().Agenda.WeeksPerFocus
	}
	for i, r := range cfg.Private.Recipients {
		if strings.HasPrefix(strings.TrimSpace(r), "AGE-SECRET-KEY-") {
			c.atValue(Error, fmt.Sprintf("private.recipients[%d]", i),
				"put its public key here instead (`age-keygen -y FILE` prints it); if this was ever committed, make a new key with age-keygen and re-encrypt with `coach notes --all --encrypt`",
				"recipient %d is a secret key: whoever reads coach.toml can open every note encrypted to it", i+1)
			continue
		}
		if _, err := ParseRecipient(r); err != nil {
			c.atValue(Error, fmt.Sprintf("private.recipients[%d]", i),
				"use a public key: the age1... line that `age-keygen` prints (or `age-keygen -y IDENTITY`), or an ssh-ed25519 or ssh-rsa public key",
				"recipient %d is not a public key: %v", i+1, err)
		}
	}
	for _, id := range sortedKeys(cfg.Feedback.Keys) {
		if _, err := ParseRecipient(cfg.Feedback.Keys[id]); err != nil {
			c.atValue(Error, "feedback.keys."+id,
				"use the person's public key: the age1... line that `age-keygen` prints, or an ssh-ed25519 or ssh-rsa public key",
				"the feedback key of %s is not a public key: %v", id, err)
		}
	}
	if cfg.Review.Months < 1 || cfg.Review.Months > 24 {
		c.atValue(Error, "review.months", "use a number of months from 1 to 24; 3 is the default",
			"review months %d is out of range", cfg.Review.Months)
		cfg.Review.Months = DefaultConfig().Review.Months
	}
	c.problems.Sort()
	return cfg, c.problems
}

// versionPattern is a module version or a commit, as go install takes it
// after the @ (and the workflow reads it with sed): no spaces or quotes.
var versionPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$`)

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
