"""The site as a whole: settings, security, pages, the page cache, HTML, audits, backups and
the code's structure."""
