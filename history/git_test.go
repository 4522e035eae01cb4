package history

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestMatchesGitLog checks the walk against the same events derived
// independently: git's own log (with its rename detection) names the
// changed files of every non-merge commit, git cat-file reads both versions,
// and skills.Diff compares them. The generated repository has renames (some
// with an edit) and merged branches, and is packed by git.
func TestMatchesGitLog(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 40, Commits: 400, MergeEvery: 20, RenameEvery: 23, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	res, err := Read(dir, Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	want := fromGit(t, dir)
	got := eventKeys(res.Changes)
	if len(want) < 500 {
		t.Fatalf("only %d events derived from git; the generated repository is too small to test", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-git +coach):\n%s", diff)
	}
	// The cache gives the same events on a second, warm run.
	if _, err := Read(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	warm, err := Read(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.Changes, warm.Changes); diff != "" {
		t.Errorf("warm run differs (-cold +warm):\n%s", diff)
	}
	// Workers split the commits; the result must not depend on how.
	one, err := Read(dir, Options{NoCache: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.Changes, one.Changes); diff != "" {
		t.Errorf("one worker differs (-two +one):\n%s", diff)
	}
}

// TestMatchesGitLogAt is the same check on a repository that is already
// built, such as the large one scripts/bench-history.sh generates:
//
//	COACH_GROUND_TRUTH=DIR go test ./history -run TestMatchesGitLogAt -timeout 1h
func TestMatchesGitLogAt(t *testing.T) {
	dir := os.Getenv("COACH_GROUND_TRUTH")
	if dir == "" {
		t.Skip("set COACH_GROUND_TRUTH to a generated repository")
	}
	res, err := Read(dir, Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	want := fromGit(t, dir)
	got := eventKeys(res.Changes)
	t.Logf("%d commits, %d events", res.Commits, len(got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-git +coach):\n%s", diff)
	}
}

func eventKeys(cs []skills.Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s %s %s %s->%s %q", c.Commit[:10], c.Person, c.Kind, c.Skill, c.From, c.To, c.Text))
	}
	sort.Strings(out)
	return out
}

func fromGit(t *testing.T, dir string) []string {
	t.Helper()
	cmd := exec.Command("git", "log", "--no-merges", "--full-history", "--reverse", "--format=@%H %at",
		"--raw", "-M", "--no-abbrev", "--", "skills/")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	cat := newCatFile(t, dir)
	type event struct {
		at int
		c  skills.Change
	}
	var events []event
	renames := map[string][]struct {
		at int
		to string
	}{}
	var commit string
	at := 0
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "@"):
			at++
			commit = strings.Fields(line[1:])[0]
		case strings.HasPrefix(line, ":"):
			// :100644 100644 <old> <new> <status>\t<path>[\t<path>]
			meta, paths, _ := strings.Cut(line[1:], "\t")
			f := strings.Fields(meta)
			oldBlob, newBlob, status := f[2], f[3], f[4]
			p := strings.Split(paths, "\t")
			id := func(path string) string { return strings.TrimSuffix(strings.TrimPrefix(path, "skills/"), ".toml") }
			var cs []skills.Change
			switch status[0] {
			case 'A':
				cs = append([]skills.Change{{Kind: skills.KindAdded}}, skills.Diff(nil, cat.person(id(p[0]), newBlob))...)
			case 'D':
				cs = []skills.Change{{Kind: skills.KindRemoved, From: id(p[0])}}
			case 'M':
				cs = skills.Diff(cat.person(id(p[0]), oldBlob), cat.person(id(p[0]), newBlob))
			case 'R':
				cs = append([]skills.Change{{Kind: skills.KindRenamed, From: id(p[0]), To: id(p[1])}},
					skills.Diff(cat.person(id(p[0]), oldBlob), cat.person(id(p[1]), newBlob))...)
				renames[id(p[0])] = append(renames[id(p[0])], struct {
					at int
					to string
				}{at, id(p[1])})
			}
			for _, c := range cs {
				c.Commit = commit
				c.Person = id(p[len(p)-1])
				events = append(events, event{at, c})
			}
		}
	}
	// Today's id: follow the renames made after the change.
	var changes []skills.Change
	for _, e := range events {
		person, when := e.c.Person, e.at
		for changed := true; changed; {
			changed = false
			for _, r := range renames[person] {
				if r.at > when {
					person, when, changed = r.to, r.at, true
					break
				}
			}
		}
		e.c.Person = person
		changes = append(changes, e.c)
	}
	return eventKeys(changes)
}

type catFile struct {
	t  *testing.T
	in io.Writer
	rd *bufio.Reader
}

func newCatFile(t *testing.T, dir string) *catFile {
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = dir
	in, _ := cmd.StdinPipe()
	outPipe, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close(); cmd.Wait() })
	return &catFile{t: t, in: in, rd: bufio.NewReader(outPipe)}
}

func (c *catFile) person(id, blob string) *skills.Person {
	fmt.Fprintln(c.in, blob)
	header, err := c.rd.ReadString('\n')
	if err != nil {
		c.t.Fatal(err)
	}
	f := strings.Fields(header)
	size, _ := strconv.Atoi(f[len(f)-1])
	body := make([]byte, size+1)
	if _, err := io.ReadFull(c.rd, body); err != nil {
		c.t.Fatal(err)
	}
	p, err := skills.ParsePerson("skills/"+id+".toml", body[:size])
	if err != nil {
		c.t.Fatal(err)
	}
	return p
}
