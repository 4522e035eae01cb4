package history

import (
	"bufio"
	"encoding/gob"
	"os"
	"path/filepath"

	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/internal/version"
	"github.com/go-git/go-git/v5/plumbing"
)

// The cache keeps, for every commit already read, what the walk learnt of it:
// its parents, author, subject, skills/ tree hash and the changes it made. It
// is addressed by commit hash, which fixes all of these, so an entry never
// goes stale; a file that is not exactly what this version of coach wrote is
// ignored and rebuilt, never trusted. The boundary commits of a shallow clone
// are not cached: once the clone is deepened they have parents to compare
// with; nor are commits with a parent missing from the repository. Version 1
// could hold a version of a file that was not fetched as one that does not
// parse, so it is dropped. The cache is keyed by the coach that wrote it
// (its build, see package version) and the repository's object format: a
// new coach reads the history again rather than trust another's results.

const (
	cacheMagic   = "coach history cache"
	cacheVersion = 2
	// objectFormat is the only object format the walk reads; a sha256
	// repository is refused before any cache is opened.
	objectFormat = "sha1"
)

type cacheFile struct {
	Magic      string
	Version    int
	Build      string // the coach that wrote it: version.Read().Key()
	Format     string // the repository's object format
	SkillsPath string
	Nodes      []node
	index      map[plumbing.Hash]int
}

func cachePath(gitDir string) string { return filepath.Join(gitDir, "coach", "history.gob") }

// loadCache reads the cache, or returns nil when there is none or it cannot be
// trusted.
func loadCache(gitDir, skillsPath string) *cacheFile {
	f, err := os.Open(cachePath(gitDir))
	if err != nil {
		return nil
	}
	defer f.Close()
	var c cacheFile
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&c); err != nil {
		return nil
	}
	if c.Magic != cacheMagic || c.Version != cacheVersion || c.Build != version.Read().Key() || c.Format != objectFormat || c.SkillsPath != skillsPath {
		return nil
	}
	c.index = make(map[plumbing.Hash]int, len(c.Nodes))
	for i, n := range c.Nodes {
		if n.Hash.IsZero() {
			return nil
		}
		c.index[n.Hash] = i
	}
	return &c
}

// lookup returns the cached node of commit h, or nil.
func (c *cacheFile) lookup(h plumbing.Hash) *node {
	if c == nil {
		return nil
	}
	i, ok := c.index[h]
	if !ok {
		return nil
	}
	n := c.Nodes[i]
	n.done = true
	return &n
}

// saveCache writes every node that is fully read, through a temporary file
// and a rename, holding .git/coach/lock: when another coach process holds
// it, that one is saving a cache and this one saves nothing (ErrLocked).
func saveCache(gitDir, skillsPath string, nodes map[plumbing.Hash]*node, shallow map[plumbing.Hash]bool) error {
	c := cacheFile{Magic: cacheMagic, Version: cacheVersion, Build: version.Read().Key(), Format: objectFormat, SkillsPath: skillsPath}
	for h, n := range nodes {
		if n.done && !n.partial && !shallow[h] {
			c.Nodes = append(c.Nodes, *n)
		}
	}
	dir := filepath.Dir(cachePath(gitDir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := atomicfile.TryLock(filepath.Join(dir, "lock"))
	if err != nil {
		return err
	}
	defer unlock()
	tmp, err := os.CreateTemp(dir, "history-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := gob.NewEncoder(bw).Encode(&c); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), cachePath(gitDir))
}
