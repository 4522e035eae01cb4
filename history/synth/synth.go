// Package synth generates synthetic coaching repositories for tests and
// benchmarks: N people, M commits of level changes and evidence, renamed
// skill files and merged branches, written as a git fast-import stream so
// that git itself builds and packs the repository, as it would a real one.
// The same options always give the same repository.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// Options shape a repository.
type Options struct {
	People  int
	Commits int
	// MergeEvery makes every n-th main commit the merge of a side branch of
	// three commits that changed other people; 0: no merges.
	MergeEvery int
	// RenameEvery renames a skill file every n-th commit (every other one
	// also edits it); 0: no renames.
	RenameEvery int
	Seed        uint64
}

var skillIDs = []string{
	"communication", "stakeholder-relationships", "negotiation", "cross-functional-collaboration",
	"coaching", "feedback", "hiring", "team-design", "delegation", "career-development",
	"customer-insight", "outcome-focus", "product-strategy", "portfolio-strategy",
	"technical-fluency", "ux-discovery", "product-operations",
}

var roles = []string{"apm", "pm", "senior-pm", "gpm", "director"}

type person struct {
	id       string
	name     string
	role     int
	levels   map[string]int
	evidence []string
}

func (p *person) toml() string {
	var b strings.Builder
	fmt.Fprintf(&b, "name = %q\nrole = %q\n\n[levels]\n", p.name, roles[p.role])
	for _, s := range skillIDs {
		fmt.Fprintf(&b, "%s = %d\n", s, p.levels[s])
	}
	for _, e := range p.evidence {
		b.WriteString(e)
	}
	return b.String()
}

type generator struct {
	w      *bufio.Writer
	rng    *rand.Rand
	people []*person
	mark   int
	when   time.Time
	// lastTouched are the people changed on the open side branch.
	lastTouched []*person
	// first is set while the first commit is written, which also adds
	// coach.toml, as coach init does: the file that makes a coaching
	// repository.
	first bool
}

// Write writes the fast-import stream of a repository to w.
func Write(w io.Writer, o Options) error {
	g := &generator{w: bufio.NewWriter(w), rng: rand.New(rand.NewPCG(o.Seed, 7)), when: time.Date(2020, 1, 6, 9, 0, 0, 0, time.UTC)}
	for i := range o.People {
		p := &person{id: fmt.Sprintf("p%04d", i), name: fmt.Sprintf("Person %04d", i), role: g.rng.IntN(len(roles)), levels: map[string]int{}}
		for _, s := range skillIDs {
			p.levels[s] = 1 + g.rng.IntN(3)
		}
		g.people = append(g.people, p)
	}
	// The first commit adds everyone.
	var files []*person
	files = append(files, g.people...)
	g.first = true
	main := g.commit("refs/heads/main", 0, 0, "Add the team", files, nil)
	g.first = false
	for n := 1; n < o.Commits; n++ {
		switch {
		case o.MergeEvery > 0 && n%o.MergeEvery == 0 && n+4 < o.Commits:
			// A side branch of three commits on people main does not touch
			// meanwhile, then the merge, which brings their files along.
			side := g.commit("refs/heads/side", main, 0, "Side: start", g.changeSome(2), nil)
			side = g.commit("refs/heads/side", side, 0, "Side: more", g.changeSome(1), nil)
			touched := g.lastTouched
			main = g.commit("refs/heads/main", main, side, "Merge branch 'side'", touched, nil)
			n += 2
		case o.RenameEvery > 0 && n%o.RenameEvery == 0:
			p := g.people[g.rng.IntN(len(g.people))]
			old := p.id
			p.id = fmt.Sprintf("%s-r%d", strings.SplitN(old, "-", 2)[0], n)
			var edited []*person
			if n%(2*o.RenameEvery) == 0 {
				g.change(p)
				edited = []*person{p}
			}
			main = g.commit("refs/heads/main", main, 0, fmt.Sprintf("Rename %s to %s", old, p.id), edited, [][2]string{{old, p.id}})
		default:
			main = g.commit("refs/heads/main", main, 0, fmt.Sprintf("Update %d", n), g.changeSome(1+g.rng.IntN(3)), nil)
		}
	}
	fmt.Fprintf(g.w, "reset refs/heads/side\nfrom 0000000000000000000000000000000000000000\n\n")
	return g.w.Flush()
}

// changeSome changes k people (fewer when the same one is drawn twice).
func (g *generator) changeSome(k int) []*person {
	seen := map[*person]bool{}
	var out []*person
	for range k {
		p := g.people[g.rng.IntN(len(g.people))]
		if seen[p] {
			continue
		}
		seen[p] = true
		g.change(p)
		out = append(out, p)
	}
	g.lastTouched = append(g.lastTouched, out...)
	return out
}

func (g *generator) change(p *person) {
	s := skillIDs[g.rng.IntN(len(skillIDs))]
	if p.levels[s] < 5 && g.rng.IntN(4) > 0 {
		p.levels[s]++
	} else if p.levels[s] > 1 {
		p.levels[s]--
	}
	if g.rng.IntN(3) == 0 {
		p.evidence = append(p.evidence, fmt.Sprintf("\n[[evidence]]\ndate = %s\nskill = %q\ntext = \"Observed in week %d\"\n",
			g.when.Format(time.DateOnly), s, len(p.evidence)+1))
		if len(p.evidence) > 4 {
			p.evidence = p.evidence[1:]
		}
	}
	if g.rng.IntN(200) == 0 && p.role < len(roles)-1 {
		p.role++
	}
}

const synthConfig = "# Settings for coach; every key is optional.\n"

// commit writes one commit on ref with the given parents (0: none) and
// returns its mark.
func (g *generator) commit(ref string, from, merge int, msg string, files []*person, renames [][2]string) int {
	g.mark++
	g.when = g.when.Add(time.Duration(1+g.rng.IntN(180)) * time.Minute)
	author := "Maya Okafor <maya.okafor@example.com>"
	if g.mark%7 == 0 {
		author = "Alice Example <alice.example@example.com>"
	}
	fmt.Fprintf(g.w, "commit %s\nmark :%d\nauthor %s %d +0000\ncommitter %s %d +0000\ndata %d\n%s\n",
		ref, g.mark, author, g.when.Unix(), author, g.when.Unix(), len(msg)+1, msg)
	if from > 0 {
		fmt.Fprintf(g.w, "from :%d\n", from)
	}
	if merge > 0 {
		fmt.Fprintf(g.w, "merge :%d\n", merge)
		defer func() { g.lastTouched = nil }()
	}
	for _, r := range renames {
		fmt.Fprintf(g.w, "R skills/%s.toml skills/%s.toml\n", r[0], r[1])
	}
	if g.first {
		fmt.Fprintf(g.w, "M 100644 inline coach.toml\ndata %d\n%s\n", len(synthConfig), synthConfig)
	}
	sorted := append([]*person(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].id < sorted[j].id })
	for _, p := range sorted {
		src := p.toml()
		fmt.Fprintf(g.w, "M 100644 inline skills/%s.toml\ndata %d\n%s\n", p.id, len(src), src)
	}
	g.w.WriteString("\n")
	return g.mark
}

// Build makes the repository in dir (which must not exist or be empty) with
// git fast-import, then packs it with git repack, as a long-lived repository
// would be. It needs the git binary.
func Build(dir string, o Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	run := func(stdin io.Reader, args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = stdin
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := run(nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(Write(pw, o)) }()
	if err := run(pr, "fast-import", "--quiet"); err != nil {
		return err
	}
	if err := run(nil, "repack", "-adq"); err != nil {
		return err
	}
	return run(nil, "checkout", "-q", "main")
}
