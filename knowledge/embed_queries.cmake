# Writes OUTPUT, a C++ file holding every QUERY_FILES entry as a string (run at build time).
list(SORT QUERY_FILES)
list(LENGTH QUERY_FILES PYFAQ_QUERY_COUNT)
set(PYFAQ_QUERY_ENTRIES "")
foreach(query_file IN LISTS QUERY_FILES)
  get_filename_component(query_name ${query_file} NAME_WE)
  file(READ ${query_file} query_source)
  string(APPEND PYFAQ_QUERY_ENTRIES
         "    {\"${query_name}\", R\"pyfaq_scm(${query_source})pyfaq_scm\"},\n")
endforeach()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
