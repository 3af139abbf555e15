language-name = العربية
ui-date = { $day }/{ $month }/{ $year }
ui-table-role = الدور
ui-table-mandatory = إلزامي
ui-table-description = الوصف
role-developer = مطوّر
skill-unit-testing = اختبار الوحدات
