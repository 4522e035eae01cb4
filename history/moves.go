package history

import (
	"path"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// A coaching folder can move inside a larger repository (git mv team
// coaching): the commits before the move have the skill files at another
// path. Where a commit has a skills/ tree and its parent has none at that
// path, the parent's tree is searched for the folder it moved from: among
// the folders the commit removed, a skills/ folder with the same content, or
// else the one that shares the most file names with it. Its history then
// continues at that path. Only trees that differ between the two commits
// are read, so a move in a large repository costs a few trees, once.

// maxMoveTrees bounds the trees read in search of a moved folder.
const maxMoveTrees = 2000

// moved finds where the skills/ tree of child was in the commit whose root
// tree is root, when the coaching folder moved between them; "" when it did
// not.
func (w *walker) moved(s storer.EncodedObjectStorer, root plumbing.Hash, child *commit) (string, plumbing.Hash, error) {
	budget := maxMoveTrees
	var candidates []entry // id is the path of a removed skills/ folder
	var removed func(dir string, h plumbing.Hash) error
	removed = func(dir string, h plumbing.Hash) error {
		if budget--; budget < 0 {
			return nil
		}
		t, err := object.GetTree(s, h)
		if err != nil {
			return err
		}
		for _, e := range t.Entries {
			if e.Mode != filemode.Dir {
				continue
			}
			p := path.Join(dir, e.Name)
			if e.Name == "skills" {
				candidates = append(candidates, entry{p, e.Hash})
			}
			if err := removed(p, e.Hash); err != nil {
				return err
			}
		}
		return nil
	}
	var differ func(dir string, old, cur plumbing.Hash) error
	differ = func(dir string, old, cur plumbing.Hash) error {
		if budget--; budget < 0 {
			return nil
		}
		ot, err := object.GetTree(s, old)
		if err != nil {
			return err
		}
		ct, err := object.GetTree(s, cur)
		if err != nil {
			return err
		}
		now := map[string]object.TreeEntry{}
		for _, e := range ct.Entries {
			now[e.Name] = e
		}
		for _, e := range ot.Entries {
			if e.Mode != filemode.Dir {
				continue
			}
			p := path.Join(dir, e.Name)
			c, ok := now[e.Name]
			switch {
			case !ok || c.Mode != filemode.Dir:
				if e.Name == "skills" {
					candidates = append(candidates, entry{p, e.Hash})
				}
				err = removed(p, e.Hash)
			case c.Hash != e.Hash:
				err = differ(p, e.Hash, c.Hash)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := differ("", root, child.tree); err != nil {
		return "", plumbing.ZeroHash, err
	}
	for _, c := range candidates {
		if c.hash == child.Skills {
			return c.id, c.hash, nil
		}
	}
	names := func(h plumbing.Hash) (map[string]bool, error) {
		t, err := object.GetTree(s, h)
		if err != nil {
			return nil, err
		}
		out := map[string]bool{}
		for _, e := range t.Entries {
			if e.Mode.IsFile() && path.Ext(e.Name) == ".toml" {
				out[e.Name] = true
			}
		}
		return out, nil
	}
	want, err := names(child.Skills)
	if err != nil {
		return "", plumbing.ZeroHash, err
	}
	best, bestShared := entry{}, 0
	for _, c := range candidates {
		have, err := names(c.hash)
		if err != nil {
			return "", plumbing.ZeroHash, err
		}
		shared := 0
		for n := range have {
			if want[n] {
				shared++
			}
		}
		if shared > bestShared {
			best, bestShared = c, shared
		}
	}
	return best.id, best.hash, nil
}
