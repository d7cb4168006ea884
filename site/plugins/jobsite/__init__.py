"""What the site's plugins share: the jobs read from the snapshot and the pure functions over them.

Not a Pelican plugin itself. The plugins (``jobpages``, ``feeds``, ``sitemaps``, ``indexnow``)
import it as ``jobsite`` (``pelicanconf`` puts the plugin folder on ``sys.path``):

- ``catalogue``: the snapshot read once per build into rows, listings and related jobs
  (``catalogue_of(generator)`` builds it for the first plugin that asks and keeps it in the
  build's context for the others);
- ``views``, ``taxonomy``, ``jsonld``, ``overrides``: pure functions from a record to what the
  pages show;
- ``manifest``: the content-hash manifest each plugin keeps of the files it writes;
- ``plan``: the files a plugin must write, written in slices by ``pool``;
- ``pool``: work shared out to processes with ``concurrent.futures``;
- ``rowcache``: the rows of the last builds, so a rebuild does not validate unchanged records.
"""
