# Writes OUTPUT, a C++ file holding each of FILES (paths relative to BASE) as a string; run at
# build time so that editing a query, a rule doc or a data table rebuilds the binary.
list(SORT FILES)
list(LENGTH FILES PYFAQ_FILE_COUNT)
set(PYFAQ_FILE_ENTRIES "")
foreach(path IN LISTS FILES)
  file(RELATIVE_PATH name ${BASE} ${path})
  file(READ ${path} content)
  string(APPEND PYFAQ_FILE_ENTRIES "    {\"${name}\", R\"pyfaq_embed(${content})pyfaq_embed\"},\n")
endforeach()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
