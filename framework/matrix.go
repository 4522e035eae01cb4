package framework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// Options say how a framework becomes a matrix.
type Options struct {
	// Roles maps a level of the framework to the id of the role expected at
	// it. Nil means the default: the framework's own role names where it
	// has them (a CSV ladder's columns), else level-1, level-2...
	Roles map[int]string
	// Sources names the imported files in the matrix's opening comment.
	Sources []string
	// Format names the format they were read in.
	Format string
}

// ParseRoles reads a mapping of levels to roles, written
// "1=apm,2=pm,3=senior-pm": a level, =, a role id, for each role.
func ParseRoles(spec string) (map[int]string, error) {
	roles := map[int]string{}
	ids := map[string]int{}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		l, id, ok := strings.Cut(part, "=")
		level, err := strconv.Atoi(strings.TrimSpace(l))
		id = strings.TrimSpace(id)
		switch {
		case !ok || err != nil:
			return nil, fmt.Errorf("--roles: %q is not LEVEL=ROLE; write it like 1=apm,2=pm,3=senior-pm", part)
		case level < 1 || level > MaxLevels:
			return nil, fmt.Errorf("--roles: level %d is outside 1..%d", level, MaxLevels)
		case !skills.ValidID(id):
			return nil, fmt.Errorf("--roles: role id %q is not valid; use lowercase letters, digits and '-', like %q", id, skills.Slug(id))
		}
		if _, dup := roles[level]; dup {
			return nil, fmt.Errorf("--roles: level %d is mapped twice; give each level one role", level)
		}
		if prev, dup := ids[id]; dup {
			return nil, fmt.Errorf("--roles: role %q is mapped to levels %d and %d; give each role one level", id, prev, level)
		}
		roles[level], ids[id] = id, level
	}
	if len(roles) == 0 {
		return nil, fmt.Errorf("--roles is empty; write it like 1=apm,2=pm,3=senior-pm")
	}
	return roles, nil
}

// Ladder lists the built-in matrix's manager track, most junior first:
// apm, pm, senior-pm, gpm, director, vp, cpo. It is what a product
// framework's levels most often map to, and what completion offers.
func Ladder() []string {
	m, err := skills.DefaultMatrix()
	if err != nil || len(m.Roles) == 0 {
		return nil
	}
	var out []string
	for r := &m.Roles[0]; r != nil && len(out) < len(m.Roles); r = m.Role(r.Next) {
		out = append(out, r.ID)
	}
	return out
}

// CountRoles is the number of roles the matrix of fw has with the mapping
// roles, DefaultRoles' when roles is nil.
func CountRoles(roles map[int]string, fw *Framework) int {
	if roles == nil {
		return len(DefaultRoles(fw))
	}
	return len(roles)
}

// DefaultRoles is the mapping used without --roles: the framework's own
// role names where it has them, else level-1, level-2...
func DefaultRoles(fw *Framework) map[int]string {
	roles := map[int]string{}
	seen := map[string]bool{}
	for l := 1; l <= fw.Levels; l++ {
		id := fmt.Sprintf("level-%d", l)
		if l <= len(fw.LevelNames) {
			if s := SkillID(fw.LevelNames[l-1], 0); s != "skill-0" && !seen[s] {
				id = s
			}
		}
		seen[id] = true
		roles[l] = id
	}
	return roles
}

// Matrix writes fw as the text of a matrix.toml. The scale is the
// framework's levels; each role in opts.Roles is expected at its level on
// every skill, and its next role is the one mapped to the level above. A
// role of the built-in ladder keeps its name, emphasis and whether it leads
// people; any other role, and everything the framework does not say, is
// marked [skills.ImportTODO].
func Matrix(fw *Framework, opts Options) ([]byte, error) {
	roles := opts.Roles
	if roles == nil {
		roles = DefaultRoles(fw)
	}
	var levels []int
	for l := range roles {
		if l > fw.Levels {
			return nil, fmt.Errorf("--roles maps level %d, but the framework has %d levels", l, fw.Levels)
		}
		levels = append(levels, l)
	}
	slices.Sort(levels)
	builtin, err := skills.DefaultMatrix()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# The skill matrix, imported by `coach import` from %s (%s format, %d levels).\n",
		strings.Join(opts.Sources, ", "), opts.Format, fw.Levels)
	w("#\n# The scale is the framework's levels, and each role is expected at its own\n")
	w("# level on every skill; edit expect where a role's bar should hold still or\n")
	w("# skip. What the framework does not say is marked %s:\n", skills.ImportTODO)
	w("# coach check lists each mark as a warning until it is written and deleted.\n")
	w("# See the built-in matrix (`coach init` in an empty directory) for examples.\n\n")
	for l := 1; l <= fw.Levels; l++ {
		w("[[level]]\nvalue = %d\nname = %s\n", l, quote(fmt.Sprintf("Level %d", l)))
		if l <= len(fw.LevelNames) {
			w("summary = %s\n\n", quote(fmt.Sprintf("What the framework asks of %s.", fw.LevelNames[l-1])))
		} else {
			w("summary = %s\n\n", quote(fmt.Sprintf("What level %d of the framework asks.", l)))
		}
	}
	for _, p := range builtin.Personas {
		w("[[persona]]\nid = %s\nname = %s\nsummary = %s\n\n", quote(p.ID), quote(p.Name), quote(p.Summary))
	}
	for _, p := range builtin.Pillars {
		w("[[pillar]]\nid = %s\nname = %s\nsummary = %s\n\n", quote(p.ID), quote(p.Name), quote(p.Summary))
	}
	w("[[pillar]]\nid = \"imported\"\nname = \"Imported\"\nsummary = \"Skills imported from a career framework, not yet sorted into a pillar.\"\n\n")
	personaIDs := builtin.PersonaIDs()
	for i, l := range levels {
		id := roles[l]
		w("[[role]]\nid = %s\n", quote(id))
		if r := builtin.Role(id); r != nil {
			w("name = %s\n", quote(r.Name))
			if i+1 < len(levels) {
				w("next = %s\n", quote(roles[levels[i+1]]))
			}
			w("leads = %t\nemphasis = { ", r.Leads)
			for j, p := range personaIDs {
				if j > 0 {
					w(", ")
				}
				w("%s = %s", p, strconv.FormatFloat(r.Emphasis[p], 'f', -1, 64))
			}
			w(" }\n\n")
			continue
		}
		name := fmt.Sprintf("Level %d", l)
		if l <= len(fw.LevelNames) {
			name = fw.LevelNames[l-1]
		}
		w("name = %s\n", quote(name))
		if i+1 < len(levels) {
			w("next = %s\n", quote(roles[levels[i+1]]))
		}
		w("leads = false # %s: true if this role leads people\n", skills.ImportTODO)
		w("emphasis = { ")
		for j, p := range personaIDs {
			if j > 0 {
				w(", ")
			}
			w("%s = 1", p)
		}
		w(" } # %s: weigh the personas for people aiming at this role\n\n", skills.ImportTODO)
	}
	pillars := strings.Join(builtin.PillarIDs(), ", ")
	for n, s := range fw.Skills {
		id := SkillID(s.Key, n+1)
		w("[[skill]]\nid = %s\nname = %s\n", quote(id), quote(s.Name))
		w("pillar = \"imported\" # %s: move it to one of %s\n", skills.ImportTODO, pillars)
		w("personas = [%s] # %s: keep the personas it serves\n", quotes(personaIDs), skills.ImportTODO)
		if s.Summary != "" {
			w("summary = %s\n", quote(s.Summary))
		} else {
			w("summary = %s\n", quote(fmt.Sprintf("%s: what %s is, in one sentence", skills.ImportTODO, s.Name)))
		}
		w("expect = { ")
		for i, l := range levels {
			if i > 0 {
				w(", ")
			}
			w("%s = %d", roles[l], l)
		}
		w(" }\ndescriptors = [\n")
		for l := 1; l <= fw.Levels; l++ {
			var text string
			if l <= len(s.Criteria) && len(s.Criteria[l-1]) > 0 {
				text = joinCriteria(s.Criteria[l-1])
			} else {
				text = fmt.Sprintf("%s: the framework gives no criteria for level %d", skills.ImportTODO, l)
			}
			w("  %s,\n", quote(text))
		}
		w("]\nquestion = [\n")
		w("  { level = 2, text = %s },\n", quote(fmt.Sprintf("%s: a coaching question for someone working on %s", skills.ImportTODO, s.Name)))
		w("]\naction = [\n")
		for to := 2; to <= fw.Levels; to++ {
			w("  { to = %d, text = %s, evidence = \"what would show it was done\" },\n", to,
				quote(fmt.Sprintf("%s: something to do to reach level %d", skills.ImportTODO, to)))
		}
		w("]\n# %s: add [[skill.resource]] tables: a practice, a person or a reading that teaches it\n\n", skills.ImportTODO)
	}
	w("# %s: add [[transition]] tables: the shifts of mindset each move up the ladder asks for\n", skills.ImportTODO)
	return []byte(b.String()), nil
}

// joinCriteria makes one descriptor of a level's criteria: a criterion
// written as a sentence is followed by a space (none after a "。"), any
// other by "; ".
func joinCriteria(criteria []string) string {
	var b strings.Builder
	for i, c := range criteria {
		if i > 0 {
			switch prev := criteria[i-1]; {
			case strings.HasSuffix(prev, "。"):
			case strings.ContainsAny(prev[len(prev)-1:], ".!?"):
				b.WriteString(" ")
			default:
				b.WriteString("; ")
			}
		}
		b.WriteString(c)
	}
	return b.String()
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quotes(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = quote(id)
	}
	return strings.Join(q, ", ")
}
