"""What helps an author write content: new files and entries from the command line
(``scaffold``, ``newfiles``, ``newentries``) and the schema for editors (``editorschema``)."""
